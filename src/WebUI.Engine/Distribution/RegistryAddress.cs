using WebUI.Engine.Errors;
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

    /// <summary>
    /// An address a user typed (host, host:port, with or without scheme or path) as a registry host; anything that is
    /// not a host name or address with an optional port is refused with a message naming it.
    /// </summary>
    public static string Parse(string? address)
    {
        if (string.IsNullOrWhiteSpace(address)) throw EngineException.Invalid("the registry address must not be empty");
        var key = DomainOf(address);
        var (host, port) = key.StartsWith('[')
            ? (key[..(key.IndexOf(']') + 1)], key[(key.IndexOf(']') + 1)..].TrimStart(':'))
            : (key.Split(':')[0], key.Contains(':') ? key[(key.IndexOf(':') + 1)..] : "");
        if (Uri.CheckHostName(host.Trim('[', ']')) == UriHostNameType.Unknown || (port.Length > 0 && !ushort.TryParse(port, out _)))
            throw EngineException.Invalid($"\"{address}\" is not a registry address (host or host:port)");
        return key;
    }
}
