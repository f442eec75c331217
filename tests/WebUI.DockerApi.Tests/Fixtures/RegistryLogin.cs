using System.Text;
using System.Text.Json;

namespace WebUI.DockerApi.Tests.Fixtures;

/// <summary>
/// Credentials of an account for a server's built-in registry (/v2 takes accounts and API tokens once logins exist),
/// written where the clients read them: the docker CLI's config.json (DOCKER_CONFIG) and skopeo's auth file.
/// </summary>
public static class RegistryLogin
{
    /// <summary>The "user:password" Basic value.</summary>
    public static string Basic(string user, string password) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    /// <summary>Writes &lt;DOCKER_CONFIG&gt;/config.json and &lt;Root&gt;/auth.json with the login for 127.0.0.1:&lt;web port&gt;.</summary>
    public static async Task WriteAsync(WebUIServer server, string user, string password)
    {
        var auths = JsonSerializer.Serialize(new { auths = new Dictionary<string, object> { [$"127.0.0.1:{server.Port}"] = new { auth = Basic(user, password) } } });
        var dockerConfig = server.ClientEnvironment["DOCKER_CONFIG"];
        Directory.CreateDirectory(dockerConfig);
        await File.WriteAllTextAsync(Path.Combine(dockerConfig, "config.json"), auths);
        await File.WriteAllTextAsync(Path.Combine(server.Root, "auth.json"), auths);
    }
}
