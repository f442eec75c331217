using System.Net;
using System.Net.Sockets;

namespace WebUI.DockerApi.Tests.Fixtures;

/// <summary>
/// A /19 inside 10.200.0.0-10.249.255.255 that no address or route on the host touched when it was picked, and no
/// other server of this test process holds. A server's default bridge (the first /24), its address pool (the first /20,
/// which the allocator fills past the default bridge) and the subnets its tests ask for (<see cref="NextSubnet"/>, from
/// the second /20) all come from it: engines and test runs side by side never share a subnet, and whatever a server
/// leaves on the host can be told by its addresses (<see cref="Contains"/>).
/// </summary>
public sealed class SubnetBlock
{
    private static readonly Lock Sync = new();
    private static readonly HashSet<uint> Held = [];
    private readonly uint _base;
    private int _next;

    private SubnetBlock(uint network) => _base = network;

    /// <summary>The whole block, e.g. 10.213.96.0/19.</summary>
    public string Cidr => $"{Format(_base)}/19";

    /// <summary>The default bridge's subnet: the block's first /24.</summary>
    public string DefaultBridge => $"{Format(_base)}/24";

    /// <summary>The base of the server's address pool (/24 subnets out of it).</summary>
    public string Pool => $"{Format(_base)}/20";

    /// <summary>A /24 for a test's --subnet, from the block's second half (16 in turn; tests remove their networks).</summary>
    public string NextSubnet() => $"{Format(_base + (uint)((16 + Interlocked.Increment(ref _next) % 16) << 8))}/24";

    public bool Contains(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetwork && (ToUInt(address) & 0xFFFFE000u) == _base;

    /// <summary>Picks a free block: random among the 400, skipping any that an address or route of the host touches.</summary>
    public static async Task<SubnetBlock> PickAsync()
    {
        var used = await HostPrefixesAsync();
        for (var attempt = 0; attempt < 400; attempt++)
        {
            var candidate = (10u << 24) | ((uint)Random.Shared.Next(200, 250) << 16) | ((uint)Random.Shared.Next(0, 8) << 13);
            if (used.Any(p => Overlaps(p.Network, p.Prefix, candidate, 19))) continue;
            lock (Sync)
                if (Held.Add(candidate)) return new SubnetBlock(candidate);
        }
        throw new InvalidOperationException("no free /19 left in 10.200.0.0-10.249.255.255 on this host");
    }

    /// <summary>Every IPv4 address or prefix in the host's addresses and routes (all tables).</summary>
    private static async Task<List<(uint Network, int Prefix)>> HostPrefixesAsync()
    {
        var addresses = await ProcessRunner.RunAsync("ip", ["-4", "-o", "addr", "show"], timeout: TimeSpan.FromSeconds(20));
        var routes = await ProcessRunner.RunAsync("ip", ["-4", "-o", "route", "show", "table", "all"], timeout: TimeSpan.FromSeconds(20));
        var text = addresses.EnsureSuccess().Stdout + "\n" + routes.EnsureSuccess().Stdout;
        var result = new List<(uint, int)>();
        foreach (var token in text.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries))
            if (TryParsePrefix(token, out var network, out var prefix)) result.Add((network, prefix));
        return result;
    }

    /// <summary>"10.1.2.3", "10.1.2.0/24" (as ip and iptables print them); false for anything else.</summary>
    public static bool TryParsePrefix(string token, out uint network, out int prefix)
    {
        network = 0;
        prefix = 32;
        var slash = token.IndexOf('/');
        var address = slash < 0 ? token : token[..slash];
        if (slash >= 0 && !(int.TryParse(token[(slash + 1)..], out prefix) && prefix is >= 0 and <= 32)) return false;
        if (address.Count(c => c == '.') != 3 || !IPAddress.TryParse(address, out var ip) || ip.AddressFamily != AddressFamily.InterNetwork) return false;
        network = ToUInt(ip);
        return true;
    }

    private static bool Overlaps(uint a, int aPrefix, uint b, int bPrefix)
    {
        var prefix = Math.Min(aPrefix, bPrefix);
        var mask = prefix == 0 ? 0u : 0xFFFFFFFFu << (32 - prefix);
        return (a & mask) == (b & mask);
    }

    private static uint ToUInt(IPAddress ip)
    {
        var b = ip.GetAddressBytes();
        return ((uint)b[0] << 24) | ((uint)b[1] << 16) | ((uint)b[2] << 8) | b[3];
    }

    private static string Format(uint v) => $"{v >> 24}.{(v >> 16) & 255}.{(v >> 8) & 255}.{v & 255}";
}
