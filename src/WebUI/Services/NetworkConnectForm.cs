namespace WebUI.Services;

/// <summary>The connect form, as `docker network connect --alias --ip` takes it.</summary>
public sealed class NetworkConnectForm
{
    /// <summary>Container name or id.</summary>
    public string? Container { get; set; }
    /// <summary>Names the container also answers to on this network, separated by spaces or commas.</summary>
    public string? Aliases { get; set; }
    /// <summary>A static IPv4 address inside the network's subnet; empty for one from IPAM.</summary>
    public string? IPv4Address { get; set; }
}
