namespace WebUI.Identity;

/// <summary>One endpoint as listed by <see cref="EndpointListEndpoint"/>; TcpMethods: the methods the Docker API TCP listener serves.</summary>
internal sealed record EndpointDescription(
    string Route,
    IReadOnlyList<string> Methods,
    string DisplayName,
    bool DockerApi,
    bool AllowAnonymous,
    bool HasAuthorize,
    IReadOnlyList<string> Policies,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> TcpMethods);
