using System.Buffers.Binary;
using System.Net;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Networks;

/// <summary>An IPv4 prefix (network address and length) with the arithmetic subnet allocation needs.</summary>
internal readonly record struct Cidr(uint Network, int Prefix)
{
    public uint Mask => Prefix == 0 ? 0 : uint.MaxValue << (32 - Prefix);
    public uint Broadcast => Network | ~Mask;
    public uint Size => Prefix == 0 ? uint.MaxValue : 1u << (32 - Prefix);

    /// <summary>Parses "a.b.c.d/n"; host bits must be zero unless <paramref name="allowHostBits"/> (then they are dropped).</summary>
    public static Cidr Parse(string text, bool allowHostBits = false)
    {
        var slash = text.IndexOf('/');
        if (slash < 0 || !IPAddress.TryParse(text[..slash], out var ip) || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork
            || !int.TryParse(text[(slash + 1)..], out var prefix) || prefix is < 0 or > 32)
            throw EngineException.Invalid($"invalid CIDR address: {text}");
        var c = new Cidr(ToUInt(ip), prefix);
        var network = c.Network & c.Mask;
        if (network != c.Network && !allowHostBits) throw EngineException.Invalid($"invalid subnet {text}: it has host bits set (use {FromUInt(network)}/{prefix})");
        return c with { Network = network };
    }

    public static uint ParseAddress(string text) =>
        IPAddress.TryParse(text, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            ? ToUInt(ip) : throw EngineException.Invalid($"invalid IPv4 address: {text}");

    public bool Contains(uint address) => (address & Mask) == Network;

    public bool Overlaps(Cidr other) => Contains(other.Network) || other.Contains(Network);

    /// <summary>The first host address (the usual gateway): network + 1.</summary>
    public uint FirstHost => Prefix >= 31 ? Network : Network + 1;
    public uint LastHost => Prefix >= 31 ? Broadcast : Broadcast - 1;

    public static uint ToUInt(IPAddress ip) => BinaryPrimitives.ReadUInt32BigEndian(ip.GetAddressBytes());

    public static string FromUInt(uint address)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, address);
        return new IPAddress(b).ToString();
    }

    public override string ToString() => $"{FromUInt(Network)}/{Prefix}";
}
