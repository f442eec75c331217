namespace WebUI.Engine.Networks;

/// <summary>A network as stored at &lt;DataRoot&gt;/networks/&lt;id&gt;.json. Replaced whole, never mutated after it is stored.</summary>
public sealed record NetworkRecord
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>bridge, macvlan, host or null.</summary>
    public required string Driver { get; init; }
    public DateTimeOffset Created { get; init; }
    public bool EnableIPv6 { get; init; }
    public bool Internal { get; init; }
    public bool Attachable { get; init; }
    /// <summary>bridge, host and none: made by the engine, cannot be removed.</summary>
    public bool Predefined { get; init; }
    public IReadOnlyList<IpamPool> Ipam { get; init; } = [];
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The Linux device of a bridge network, the parent of a macvlan network; "" otherwise.</summary>
    public string Device { get; init; } = "";

    /// <summary>Whether names resolve through the embedded DNS server (user-defined networks, as in Docker).</summary>
    public bool UserDefined => !Predefined;
}
