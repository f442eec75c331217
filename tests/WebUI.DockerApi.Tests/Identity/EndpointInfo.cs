namespace WebUI.DockerApi.Tests.Identity;

/// <summary>One row of the server's test-only endpoint list (WEBUI_TEST_ENDPOINT_LIST=1).</summary>
public sealed record EndpointInfo(
    string Route,
    IReadOnlyList<string> Methods,
    string DisplayName,
    bool DockerApi,
    bool AllowAnonymous,
    bool HasAuthorize,
    IReadOnlyList<string> Policies,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> TcpMethods,
    IReadOnlyList<HubMethodInfo>? HubMethods = null);
