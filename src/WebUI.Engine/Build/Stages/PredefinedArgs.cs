namespace WebUI.Engine.Build.Stages;

/// <summary>Build args Docker lets a Dockerfile use without declaring them (proxies), kept out of history and cache keys.</summary>
internal static class PredefinedArgs
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy",
        "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy",
    };

    /// <summary>BuildKit's automatic platform args, usable in FROM lines and, once declared with ARG, in a stage.</summary>
    public static Dictionary<string, string> Platform(string os, string architecture, string? variant)
    {
        var platform = variant is null ? $"{os}/{architecture}" : $"{os}/{architecture}/{variant}";
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var prefix in new[] { "BUILD", "TARGET" })
        {
            args[prefix + "PLATFORM"] = platform;
            args[prefix + "OS"] = os;
            args[prefix + "ARCH"] = architecture;
            args[prefix + "VARIANT"] = variant ?? "";
        }
        return args;
    }
}
