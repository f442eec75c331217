namespace WebUI.Identity;

/// <summary>
/// One endpoint as listed by <see cref="EndpointListEndpoint"/>; TcpMethods: the methods the Docker API TCP listener
/// serves; HubMethods: a SignalR hub endpoint's methods with their declared policies.
/// </summary>
internal sealed record EndpointDescription(
    string Route,
    IReadOnlyList<string> Methods,
    string DisplayName,
    bool DockerApi,
    bool AllowAnonymous,
    bool HasAuthorize,
    IReadOnlyList<string> Policies,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> TcpMethods,
    IReadOnlyList<HubMethodDescription> HubMethods);
