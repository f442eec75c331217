using System.Text.Json;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Networks;

/// <summary>Reads HostConfig.PortBindings and -P (PublishAllPorts over ExposedPorts) into port requests; one rule, used at create.</summary>
internal static class PortBindings
{
    public static List<PortRequest> Parse(JsonElement? bindings, IReadOnlyList<string> exposed, bool publishAll)
    {
        var result = new List<PortRequest>();
        var bound = new HashSet<string>(StringComparer.Ordinal);
        if (bindings is { ValueKind: JsonValueKind.Object } b)
        {
            foreach (var port in b.EnumerateObject())
            {
                var (containerPort, protocol) = ParsePortKey(port.Name);
                bound.Add($"{containerPort}/{protocol}");
                if (port.Value.ValueKind != JsonValueKind.Array) continue;
                foreach (var binding in port.Value.EnumerateArray())
                {
                    var hostIp = binding.TryGetProperty("HostIp", out var ip) ? ip.GetString() ?? "" : "";
                    var hostPort = binding.TryGetProperty("HostPort", out var hp) ? hp.GetString() ?? "" : "";
                    if (hostIp.Length > 0 && !System.Net.IPAddress.TryParse(hostIp, out _)) throw EngineException.Invalid($"invalid host IP \"{hostIp}\" in port binding {port.Name}");
                    if (hostIp.Contains(':')) continue; // IPv6 host addresses: this engine publishes on IPv4 only.
                    var (start, end) = ParseRange(hostPort, port.Name);
                    result.Add(new PortRequest(hostIp, start, end, containerPort, protocol));
                }
            }
        }
        if (publishAll)
            foreach (var key in exposed)
            {
                var (containerPort, protocol) = ParsePortKey(key);
                if (bound.Add($"{containerPort}/{protocol}")) result.Add(new PortRequest("", 0, 0, containerPort, protocol));
            }
        return result;
    }

    /// <summary>"80/tcp", "53/udp", "80" (tcp).</summary>
    public static (int Port, string Protocol) ParsePortKey(string key)
    {
        var slash = key.IndexOf('/');
        var portText = slash < 0 ? key : key[..slash];
        var protocol = slash < 0 ? "tcp" : key[(slash + 1)..].ToLowerInvariant();
        if (protocol is not ("tcp" or "udp")) throw EngineException.Invalid($"invalid protocol \"{protocol}\" in port {key}: use tcp or udp");
        if (!int.TryParse(portText, out var port) || port is < 1 or > 65535) throw EngineException.Invalid($"invalid port \"{key}\"");
        return (port, protocol);
    }

    private static (int Start, int End) ParseRange(string text, string key)
    {
        if (text.Length == 0) return (0, 0);
        var dash = text.IndexOf('-');
        if (dash < 0) return int.TryParse(text, out var p) && p is >= 0 and <= 65535 ? (p, p) : throw EngineException.Invalid($"invalid host port \"{text}\" for {key}");
        if (int.TryParse(text[..dash], out var s) && int.TryParse(text[(dash + 1)..], out var e) && s is >= 1 and <= 65535 && e >= s && e <= 65535) return (s, e);
        throw EngineException.Invalid($"invalid host port range \"{text}\" for {key}");
    }
}
