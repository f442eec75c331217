namespace WebUI.Engine.Networks;

/// <summary>How a container asks to be on a network (docker run --network-alias/--ip, docker network connect --alias/--ip).</summary>
public sealed record EndpointConfig
{
    public IReadOnlyList<string> Aliases { get; init; } = [];
    /// <summary>A static address without prefix, or null for one from IPAM.</summary>
    public string? IPv4Address { get; init; }
    public string? MacAddress { get; init; }
}
