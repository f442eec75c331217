using System.Text.Json.Nodes;

namespace WebUI.Engine.Networks;

/// <summary>The parts of a CNI 1.0 result the engine uses: the container-side interface, its addresses, routes and DNS.</summary>
internal sealed record CniResult(
    string Raw,
    IReadOnlyList<CniInterface> Interfaces,
    IReadOnlyList<CniIp> Ips,
    IReadOnlyList<string> Routes,
    IReadOnlyList<string> Nameservers)
{
    public static CniResult Parse(string json)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("CNI result is not a JSON object");
        var interfaces = (root["interfaces"] as JsonArray ?? []).Select(i => new CniInterface(
            (string?)i?["name"] ?? "", (string?)i?["mac"] ?? "", (string?)i?["sandbox"] ?? "")).ToList();
        var ips = (root["ips"] as JsonArray ?? []).Select(i => new CniIp(
            (string?)i?["address"] ?? "", (string?)i?["gateway"] ?? "", (int?)i?["interface"])).ToList();
        var routes = (root["routes"] as JsonArray ?? []).Select(r => $"{(string?)r?["dst"]} via {(string?)r?["gw"] ?? "-"}").ToList();
        var dns = (root["dns"]?["nameservers"] as JsonArray ?? []).Select(n => (string?)n ?? "").ToList();
        return new CniResult(json, interfaces, ips, routes, dns);
    }

    /// <summary>The first IPv4 address (CIDR) and gateway, with the MAC of the container interface it is on.</summary>
    public (string Address, string Gateway, string Mac) PrimaryIPv4(string ifName)
    {
        var ip = Ips.FirstOrDefault(i => !i.Address.Contains(':')) ?? throw new FormatException("CNI result has no IPv4 address");
        var iface = ip.Interface is int n && n < Interfaces.Count ? Interfaces[n] : Interfaces.FirstOrDefault(i => i.Name == ifName && i.Sandbox.Length > 0);
        return (ip.Address, ip.Gateway, iface?.Mac ?? "");
    }
}
