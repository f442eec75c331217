using System.Net;
using WebUI.DockerApi.Hosting;

namespace WebUI.Hosting;

/// <summary>
/// Until logins exist the dashboard has no authentication, so it may only be reachable from this machine:
/// the server refuses to start when any web URL is not a loopback address.
/// </summary>
public static class LoopbackGuard
{
    /// <summary>Prints why and exits with code 2 when a configured web URL is not loopback.</summary>
    public static void EnsureLoopbackOnly(this WebApplicationBuilder builder)
    {
        if (Refusal(builder.Configuration) is not { } reason) return;
        Console.Error.WriteLine(reason);
        Environment.Exit(2);
    }

    /// <summary>Null when every web URL (Urls, else the default, and Kestrel:Endpoints) is loopback; else the reason to refuse.</summary>
    public static string? Refusal(IConfiguration configuration)
    {
        var urls = (configuration["Urls"] ?? DockerApiHostingExtensions.DefaultUrls)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        var exposed = urls.Where(u => !IsLoopback(u)).ToList();
        if (exposed.Count == 0) return null;
        return $"Refusing to start: the dashboard has no login yet, so it is served only on loopback addresses " +
               $"(127.0.0.1, [::1] or localhost), but Urls contains {string.Join(", ", exposed)}. " +
               $"Use for example Urls=http://127.0.0.1:8080 and reach it from elsewhere through an SSH tunnel.";
    }

    /// <summary>Whether a URL names localhost or a loopback IP ("*", "+", 0.0.0.0 and host names are not).</summary>
    public static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return false;
        var host = uri.Host.Trim('[', ']');
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
    }
}
