namespace WebUI.Engine.Networks;

/// <summary>What `docker network create` asks for; empty IPAM fields are filled from the address pools.</summary>
public sealed record NetworkCreateRequest
{
    public required string Name { get; init; }
    public string Driver { get; init; } = "bridge";
    public bool Internal { get; init; }
    public bool Attachable { get; init; }
    public bool EnableIPv6 { get; init; }
    public string IpamDriver { get; init; } = "default";
    public IReadOnlyList<IpamPool> Ipam { get; init; } = [];
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
