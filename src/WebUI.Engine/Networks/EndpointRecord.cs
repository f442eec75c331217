namespace WebUI.Engine.Networks;

/// <summary>A container's attachment to a network while it runs: what the CNI plugins gave it.</summary>
public sealed record EndpointRecord
{
    public required string NetworkId { get; init; }
    public required string EndpointId { get; init; }
    /// <summary>eth0, eth1...</summary>
    public required string IfName { get; init; }
    public string MacAddress { get; init; } = "";
    /// <summary>CIDR, e.g. 10.210.3.2/24.</summary>
    public string IPv4Address { get; init; } = "";
    public string Gateway { get; init; } = "";
    public IReadOnlyList<PortMapping> Ports { get; init; } = [];
    /// <summary>The CNI ADD result, handed back on DEL as prevResult.</summary>
    public string? CniResult { get; init; }
}
