using System.Text.Json;

namespace WebUI.Engine.Networks;

/// <summary>Reads NetworkingConfig.EndpointsConfig of a container create body: network → aliases, static IPv4 address, MAC.</summary>
internal static class NetworkingConfigReader
{
    public static Dictionary<string, EndpointConfig> Read(JsonElement? networkingConfig)
    {
        var result = new Dictionary<string, EndpointConfig>(StringComparer.Ordinal);
        if (networkingConfig is not { ValueKind: JsonValueKind.Object } nc || !nc.TryGetProperty("EndpointsConfig", out var endpoints)
            || endpoints.ValueKind != JsonValueKind.Object) return result;
        foreach (var e in endpoints.EnumerateObject())
        {
            var v = e.Value;
            var aliases = new List<string>();
            if (v.ValueKind == JsonValueKind.Object && v.TryGetProperty("Aliases", out var a) && a.ValueKind == JsonValueKind.Array)
                aliases.AddRange(a.EnumerateArray().Select(x => x.GetString() ?? "").Where(x => x.Length > 0));
            string? ip = null, mac = null;
            if (v.ValueKind == JsonValueKind.Object && v.TryGetProperty("IPAMConfig", out var ipam) && ipam.ValueKind == JsonValueKind.Object
                && ipam.TryGetProperty("IPv4Address", out var ip4) && ip4.GetString() is { Length: > 0 } s) ip = s;
            if (v.ValueKind == JsonValueKind.Object && v.TryGetProperty("MacAddress", out var m) && m.GetString() is { Length: > 0 } ms) mac = ms;
            result[e.Name] = new EndpointConfig { Aliases = aliases, IPv4Address = ip, MacAddress = mac };
        }
        return result;
    }
}
