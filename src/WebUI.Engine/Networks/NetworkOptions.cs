namespace WebUI.Engine.Networks;

/// <summary>Networking settings, bound from the "Engine" section (Engine:DefaultBridge, Engine:AddressPools, Engine:CniPath).</summary>
public sealed class NetworkOptions
{
    /// <summary>The predefined `bridge` network: its Linux bridge device and subnet.</summary>
    public DefaultBridgeOptions DefaultBridge { get; set; } = new();

    /// <summary>Where subnets of networks created without --subnet come from; empty means <see cref="DefaultAddressPools"/>.</summary>
    public List<AddressPoolOptions> AddressPools { get; set; } = [];

    /// <summary>The directory holding the CNI plugin binaries (Debian's containernetworking-plugins).</summary>
    public string CniPath { get; set; } = "/usr/lib/cni";

    /// <summary>Run the embedded DNS server (127.0.0.11 in the container) for containers on user-defined networks.</summary>
    public bool EmbeddedDns { get; set; } = true;

    /// <summary>Pools used when none are configured: 172.31.0.0/16 and 10.210.0.0/16 carved into /24s.</summary>
    public static readonly IReadOnlyList<AddressPoolOptions> DefaultAddressPools =
    [
        new() { Base = "172.31.0.0/16", Size = 24 },
        new() { Base = "10.210.0.0/16", Size = 24 },
    ];

    public IReadOnlyList<AddressPoolOptions> EffectivePools => AddressPools.Count > 0 ? AddressPools : DefaultAddressPools;
}
