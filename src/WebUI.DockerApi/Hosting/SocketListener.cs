using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace WebUI.DockerApi.Hosting;

/// <summary>Prepares the Docker API's unix socket: its directory, no stale file, and its mode and group once bound.</summary>
internal static class SocketListener
{
    public static void PrepareDirectory(string socketPath)
    {
        var dir = Path.GetDirectoryName(socketPath);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        // A socket left by a killed server blocks bind(2); nothing else may live at this path.
        if (File.Exists(socketPath) || (new FileInfo(socketPath).Attributes & FileAttributes.System) != 0)
            File.Delete(socketPath);
    }

    public static void ApplyMode(string socketPath, string octalMode)
    {
        var mode = (UnixFileMode)Convert.ToInt32(octalMode, 8);
        File.SetUnixFileMode(socketPath, mode);
    }

    /// <summary>Binds the web URLs explicitly: Kestrel ignores "Urls" once any Listen* call is made.</summary>
    public static void ListenOnUrls(KestrelServerOptions kestrel, string urls)
    {
        foreach (var raw in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(raw.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"), UriKind.Absolute, out var uri) || uri.Scheme != "http")
                throw new InvalidOperationException($"Urls: '{raw}' is not an http://host:port address");
            if (uri.Host == "localhost") kestrel.ListenLocalhost(uri.Port);
            else if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip)) kestrel.Listen(ip, uri.Port);
            else throw new InvalidOperationException($"Urls: '{raw}' must name an IP address or localhost");
        }
    }
}
