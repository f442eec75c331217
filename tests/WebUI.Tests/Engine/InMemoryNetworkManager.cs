using WebUI.Engine.Errors;
using WebUI.Engine.Networks;

namespace WebUI.Tests.Engine;

/// <summary>Networks and container attachments held in dictionaries; refuses what the engine refuses (removing a predefined or used network, duplicate names).</summary>
public sealed class InMemoryNetworkManager(TestEventBus events) : INetworkManager
{
    public Dictionary<string, NetworkRecord> Networks { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, SandboxRecord> Sandboxes { get; } = new(StringComparer.Ordinal);
    public List<NetworkCreateRequest> Created { get; } = [];
    public List<string> Removed { get; } = [];
    public List<(string Network, string ContainerId, EndpointConfig Config)> Connected { get; } = [];
    public List<(string Network, string ContainerId, bool Force)> Disconnected { get; } = [];
    public Exception? Failure { get; set; }

    public NetworkRecord Add(string name, string driver = "bridge", string subnet = "", bool predefined = false)
    {
        var id = Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(name.PadRight(32, 'n')))[..64];
        var n = new NetworkRecord
        {
            Id = id,
            Name = name,
            Driver = driver,
            Predefined = predefined,
            Created = DateTimeOffset.UtcNow,
            Ipam = subnet.Length == 0 ? [] : [new IpamPool(subnet, "", null)],
        };
        Networks[id] = n;
        return n;
    }

    /// <summary>Puts a container on a network; with an address it counts as running there.</summary>
    public void Attach(string networkId, string containerId, string containerName, string? address = null, params string[] aliases)
    {
        var sandbox = Sandboxes.GetValueOrDefault(containerId) ?? new SandboxRecord { ContainerId = containerId, ContainerName = containerName, Hostname = containerName, Mode = networkId };
        var nets = new Dictionary<string, EndpointConfig>(sandbox.Networks) { [networkId] = new EndpointConfig { Aliases = aliases } };
        var endpoints = new Dictionary<string, EndpointRecord>(sandbox.Endpoints);
        if (address is not null) endpoints[networkId] = new EndpointRecord { NetworkId = networkId, EndpointId = "ep" + containerId[..6], IfName = $"eth{endpoints.Count}", IPv4Address = address, MacAddress = "02:42:0a:00:00:02" };
        Sandboxes[containerId] = sandbox with { Networks = nets, Endpoints = endpoints };
    }

    public IReadOnlyList<NetworkRecord> List(IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        if (Failure is { } f) throw f;
        return Networks.Values.ToList();
    }

    public NetworkRecord Get(string idOrName) =>
        Networks.Values.FirstOrDefault(n => n.Id == idOrName || n.Name == idOrName) ?? throw EngineException.NotFound($"network {idOrName} not found");

    public Task<NetworkRecord> CreateAsync(NetworkCreateRequest request, CancellationToken cancellationToken)
    {
        if (Failure is { } f) throw f;
        if (Networks.Values.Any(n => n.Name == request.Name)) throw EngineException.Conflict($"network with name {request.Name} already exists");
        Created.Add(request);
        var n = Add(request.Name, request.Driver, request.Ipam.FirstOrDefault()?.Subnet ?? "") with { Internal = request.Internal, Labels = request.Labels, Options = request.Options };
        Networks[n.Id] = n;
        events.Publish("network", "create", n.Id);
        return Task.FromResult(n);
    }

    public Task RemoveAsync(string idOrName, CancellationToken cancellationToken)
    {
        var n = Get(idOrName);
        if (n.Predefined) throw new EngineException(ErrorKind.Forbidden, $"{n.Name} is a pre-defined network and cannot be removed");
        if (Sandboxes.Values.Any(s => s.Networks.ContainsKey(n.Id))) throw new EngineException(ErrorKind.Forbidden, $"error while removing network: network {n.Name} id {n.Id} has active endpoints");
        Networks.Remove(n.Id);
        Removed.Add(idOrName);
        events.Publish("network", "destroy", n.Id);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> PruneAsync(IReadOnlyDictionary<string, IReadOnlyList<string>> filters, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task ConnectAsync(string network, string containerId, EndpointConfig config, CancellationToken cancellationToken)
    {
        var n = Get(network);
        Connected.Add((network, containerId, config));
        Attach(n.Id, containerId, containerId[..12], null, [.. config.Aliases]);
        events.Publish("network", "connect", n.Id);
        return Task.CompletedTask;
    }

    public Task DisconnectAsync(string network, string containerId, bool force, CancellationToken cancellationToken)
    {
        var n = Get(network);
        Disconnected.Add((network, containerId, force));
        if (Sandboxes.TryGetValue(containerId, out var s))
        {
            var nets = new Dictionary<string, EndpointConfig>(s.Networks);
            nets.Remove(n.Id);
            var endpoints = new Dictionary<string, EndpointRecord>(s.Endpoints);
            endpoints.Remove(n.Id);
            Sandboxes[containerId] = s with { Networks = nets, Endpoints = endpoints };
        }
        events.Publish("network", "disconnect", n.Id);
        return Task.CompletedTask;
    }

    public IReadOnlyList<(SandboxRecord Sandbox, EndpointRecord Endpoint)> EndpointsOf(string networkId) =>
        [.. Sandboxes.Values.Where(s => s.Endpoints.ContainsKey(networkId)).Select(s => (s, s.Endpoints[networkId]))];

    public SandboxRecord? Sandbox(string containerId) => Sandboxes.GetValueOrDefault(containerId);

    public IReadOnlyList<string> SandboxOwners() => [.. Sandboxes.Keys];

    public Task ConfigureContainerAsync(ContainerNetworkRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<NetworkSetUp> SetUpAsync(string containerId, string hostsPath, string resolvConfPath, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task TearDownAsync(string containerId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task RemoveContainerAsync(string containerId, CancellationToken cancellationToken) => throw new NotSupportedException();
}
