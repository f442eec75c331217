namespace WebUI.Engine.Networks;

/// <summary>
/// A container's networking, stored at &lt;DataRoot&gt;/networks/containers/&lt;id&gt;.json: what it asked for at create
/// (mode, networks, published ports, DNS settings) and, while it runs, its namespace and endpoints.
/// </summary>
public sealed record SandboxRecord
{
    public required string ContainerId { get; init; }
    /// <summary>Without the leading slash.</summary>
    public required string ContainerName { get; init; }
    public required string Hostname { get; init; }
    public string Domainname { get; init; } = "";
    /// <summary>"none", "host", or the id of the first network (bridge or user-defined).</summary>
    public required string Mode { get; init; }
    /// <summary>Network id → how the container is on it, in connect order.</summary>
    public IReadOnlyDictionary<string, EndpointConfig> Networks { get; init; } = new Dictionary<string, EndpointConfig>();
    /// <summary>Requested published ports, resolved to host ports at each start.</summary>
    public IReadOnlyList<PortRequest> Ports { get; init; } = [];
    /// <summary>Exposed ports ("80/tcp"), listed with no binding in inspect when not published.</summary>
    public IReadOnlyList<string> ExposedPorts { get; init; } = [];
    public IReadOnlyList<string> Dns { get; init; } = [];
    public IReadOnlyList<string> DnsSearch { get; init; } = [];
    public IReadOnlyList<string> DnsOptions { get; init; } = [];
    public IReadOnlyList<string> ExtraHosts { get; init; } = [];

    /// <summary>The namespace file while the container runs (null: stopped, or host mode).</summary>
    public string? NetnsPath { get; init; }
    /// <summary>Network id → endpoint, while the container runs.</summary>
    public IReadOnlyDictionary<string, EndpointRecord> Endpoints { get; init; } = new Dictionary<string, EndpointRecord>();
    /// <summary>Where the container's /etc/hosts and /etc/resolv.conf live (rewritten in place on connect/disconnect).</summary>
    public string? HostsPath { get; init; }
    public string? ResolvConfPath { get; init; }
}
