namespace WebUI.Identity;

/// <summary>Return URLs after sign-in: only paths on this site, never "//host" or "/\host" (open redirects).</summary>
public static class LocalUrl
{
    public static string OrRoot(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Contains("\\", StringComparison.Ordinal)
            ? url
            : "/";
}
