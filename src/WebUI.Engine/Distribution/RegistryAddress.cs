using WebUI.Engine.References;

namespace WebUI.Engine.Distribution;

/// <summary>The one rule for naming a registry: the host (and port) image references use, whatever form a client sent.</summary>
public static class RegistryAddress
{
    /// <summary>"https://index.docker.io/v1/", "127.0.0.1:5000", "http://host:5000/" → the registry host as references name it (docker.io when empty).</summary>
    public static string DomainOf(string? serverAddress)
    {
        if (string.IsNullOrWhiteSpace(serverAddress)) return ImageReference.DefaultDomain;
        var s = serverAddress.Trim();
        if (s.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(s, UriKind.Absolute, out var uri)) s = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        s = s.TrimEnd('/');
        var slash = s.IndexOf('/');
        if (slash >= 0) s = s[..slash];
        return s is "index.docker.io" or "registry-1.docker.io" or "docker.io" ? ImageReference.DefaultDomain : s;
    }
}
