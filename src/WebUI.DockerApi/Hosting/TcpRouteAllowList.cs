using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace WebUI.DockerApi.Hosting;

/// <summary>
/// The only Docker API routes served on the TCP listener: everyday container, exec, image read/pull, volume and network
/// work, and events (filtered by team). Everything else (cp, export, build, commit, load, push, tag, rmi, container and
/// image prune, auth, system df) is 404 there, so a route added later is closed on TCP until it is listed here on purpose.
/// </summary>
public static class TcpRouteAllowList
{
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "GET /_ping", "HEAD /_ping", "GET /version", "GET /info", "GET /events",
        "GET /containers/json", "POST /containers/create", "GET /containers/{id}/json", "DELETE /containers/{id}",
        "POST /containers/{id}/start", "POST /containers/{id}/stop", "POST /containers/{id}/restart", "POST /containers/{id}/kill",
        "POST /containers/{id}/wait", "POST /containers/{id}/attach", "POST /containers/{id}/resize", "POST /containers/{id}/pause",
        "POST /containers/{id}/unpause", "POST /containers/{id}/update", "POST /containers/{id}/rename",
        "GET /containers/{id}/logs", "GET /containers/{id}/stats", "GET /containers/{id}/top",
        "POST /containers/{id}/exec", "POST /exec/{id}/start", "POST /exec/{id}/resize", "GET /exec/{id}/json",
        "GET /images/json", "POST /images/create", "GET /images/{**rest}",
        "GET /volumes", "POST /volumes/create", "GET /volumes/{name}", "DELETE /volumes/{name}", "POST /volumes/prune",
        "GET /networks", "POST /networks/create", "GET /networks/{id}", "DELETE /networks/{id}", "POST /networks/prune",
        "POST /networks/{id}/connect", "POST /networks/{id}/disconnect",
    };

    /// <summary>"METHOD /pattern" entries, for tests and docs.</summary>
    public static IReadOnlyCollection<string> Entries => Allowed;

    /// <summary>Whether the route serves <paramref name="method"/> on TCP.</summary>
    public static bool Allows(Endpoint endpoint, string method) =>
        endpoint is RouteEndpoint route && Allows(method, route.RoutePattern.RawText ?? "");

    public static bool Allows(string method, string pattern) => Allowed.Contains($"{method} /{pattern.Trim('/')}");
}
