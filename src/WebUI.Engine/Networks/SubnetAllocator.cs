using System.Net.NetworkInformation;
using System.Net.Sockets;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Networks;

/// <summary>Carves the next free subnet out of the address pools, skipping networks' subnets and the host's own addresses.</summary>
internal static class SubnetAllocator
{
    public static Cidr Allocate(IReadOnlyList<AddressPoolOptions> pools, IEnumerable<Cidr> used)
    {
        var taken = used.ToList();
        taken.AddRange(HostSubnets());
        foreach (var pool in pools)
        {
            var b = Cidr.Parse(pool.Base);
            if (pool.Size < b.Prefix || pool.Size > 30) throw EngineException.Invalid($"address pool {pool.Base}: size {pool.Size} must be between {b.Prefix} and 30");
            var step = 1u << (32 - pool.Size);
            for (ulong n = b.Network; n + step - 1 <= b.Broadcast; n += step)
            {
                var candidate = new Cidr((uint)n, pool.Size);
                if (!taken.Any(t => t.Overlaps(candidate))) return candidate;
            }
        }
        throw EngineException.Precondition("could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network");
    }

    /// <summary>Subnets of the host's interfaces (a network there would shadow the host's own routes).</summary>
    public static IEnumerable<Cidr> HostSubnets()
    {
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
            foreach (var a in nic.GetIPProperties().UnicastAddresses)
                if (a.Address.AddressFamily == AddressFamily.InterNetwork && a.PrefixLength is > 0 and <= 32)
                {
                    var ip = Cidr.ToUInt(a.Address);
                    var c = new Cidr(ip, a.PrefixLength);
                    yield return c with { Network = ip & c.Mask };
                }
    }
}
