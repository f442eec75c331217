using System.Globalization;
using System.Net;
using System.Text.Json;

namespace WebUI.Services;

/// <summary>Parses `docker run -p` lines ([ip:][hostPort:]containerPort[/proto]) into HostConfig.PortBindings and ExposedPorts.</summary>
public static class PortSpecs
{
    /// <summary>Blank lines skipped; a bad line throws FormatException naming it.</summary>
    public static (JsonElement? Bindings, Dictionary<string, JsonElement>? Exposed) Parse(string? text)
    {
        var bindings = new Dictionary<string, List<Dictionary<string, string>>>(StringComparer.Ordinal);
        foreach (var line in KeyValueLines.Lines(text))
        {
            var (spec, proto) = line.LastIndexOf('/') is var slash and >= 0 ? (line[..slash], line[(slash + 1)..].ToLowerInvariant()) : (line, "tcp");
            if (proto is not ("tcp" or "udp")) throw new FormatException($"port \"{line}\": protocol must be tcp or udp");
            // The host address may be an IPv6 literal in brackets; the last two fields are the ports.
            var lastColon = spec.LastIndexOf(':');
            var containerPort = lastColon < 0 ? spec : spec[(lastColon + 1)..];
            var rest = lastColon < 0 ? null : spec[..lastColon];
            string hostIp = "", hostPort = "";
            if (rest is not null)
            {
                var colon = rest.StartsWith('[') ? rest.IndexOf("]:", StringComparison.Ordinal) + 1 : rest.LastIndexOf(':');
                if (colon > 0) { hostIp = rest[..colon].Trim('[', ']'); hostPort = rest[(colon + 1)..]; }
                else hostPort = rest;
                if (hostIp.Length > 0 && !IsAddress(hostIp)) throw new FormatException($"port \"{line}\": \"{hostIp}\" is not an IP address");
                if (hostPort.Length > 0 && !IsPortOrRange(hostPort)) throw new FormatException($"port \"{line}\": host port \"{hostPort}\" is not a port (1-65535) or range");
            }
            if (!IsPort(containerPort)) throw new FormatException($"port \"{line}\": container port \"{containerPort}\" is not a port (1-65535)");
            var key = $"{int.Parse(containerPort, CultureInfo.InvariantCulture)}/{proto}";
            if (!bindings.TryGetValue(key, out var list)) bindings[key] = list = [];
            list.Add(new Dictionary<string, string> { ["HostIp"] = hostIp, ["HostPort"] = hostPort });
        }
        if (bindings.Count == 0) return (null, null);
        var exposed = bindings.Keys.ToDictionary(k => k, _ => JsonSerializer.SerializeToElement(new Dictionary<string, string>()));
        return (JsonSerializer.SerializeToElement(bindings), exposed);
    }

    /// <summary>Dotted quads only for IPv4 (IPAddress.TryParse also takes "1.2.3" and "10"), or an IPv6 literal.</summary>
    internal static bool IsAddress(string s) =>
        IPAddress.TryParse(s, out var ip) && (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 || s.Count(c => c == '.') == 3);

    private static bool IsPort(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 65535;

    private static bool IsPortOrRange(string s) =>
        s.Split('-') is var parts && parts.Length <= 2 && parts.All(IsPort) &&
        (parts.Length == 1 || int.Parse(parts[0], CultureInfo.InvariantCulture) <= int.Parse(parts[1], CultureInfo.InvariantCulture));
}
