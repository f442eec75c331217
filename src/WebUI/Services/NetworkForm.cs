namespace WebUI.Services;

/// <summary>The create-network form, as `docker network create` takes it.</summary>
public sealed class NetworkForm
{
    public string? Name { get; set; }
    /// <summary>bridge or macvlan.</summary>
    public string Driver { get; set; } = "bridge";
    /// <summary>CIDR, e.g. 10.231.0.0/24; empty for one from the address pools.</summary>
    public string? Subnet { get; set; }
    public string? Gateway { get; set; }
    /// <summary>CIDR inside the subnet that addresses are allocated from.</summary>
    public string? IPRange { get; set; }
    /// <summary>No route out of the network (no gateway, no masquerade).</summary>
    public bool Internal { get; set; }
    /// <summary>The host interface a macvlan network sits on (-o parent=IFACE).</summary>
    public string? Parent { get; set; }
    /// <summary>One "key=value" a line.</summary>
    public string? Labels { get; set; }
}
