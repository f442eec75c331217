using System.Text.Json;

namespace WebUI.Engine.Networks;

/// <summary>A container's networking as given at create: HostConfig's network fields and NetworkingConfig.EndpointsConfig.</summary>
public sealed record ContainerNetworkRequest
{
    public required string ContainerId { get; init; }
    /// <summary>With or without the leading slash.</summary>
    public required string Name { get; init; }
    public required string Hostname { get; init; }
    public string Domainname { get; init; } = "";
    /// <summary>"", "default", "bridge", "none", "host", or a network name or id.</summary>
    public string NetworkMode { get; init; } = "";
    /// <summary>Network name or id → aliases and static address (docker run --network-alias / --ip).</summary>
    public IReadOnlyDictionary<string, EndpointConfig> EndpointsConfig { get; init; } = new Dictionary<string, EndpointConfig>();
    /// <summary>HostConfig.PortBindings: {"80/tcp": [{"HostIp": "", "HostPort": "8080"}]}.</summary>
    public JsonElement? PortBindings { get; init; }
    public IReadOnlyList<string> ExposedPorts { get; init; } = [];
    public bool PublishAllPorts { get; init; }
    public IReadOnlyList<string> Dns { get; init; } = [];
    public IReadOnlyList<string> DnsSearch { get; init; } = [];
    public IReadOnlyList<string> DnsOptions { get; init; } = [];
    public IReadOnlyList<string> ExtraHosts { get; init; } = [];
}
