using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebUI.Engine.Errors;
using WebUI.Engine.Events;
using WebUI.Engine.Hosting;
using WebUI.Engine.Security.Admission;

namespace WebUI.Engine.Networks;

/// <summary>
/// The network store and its rules: predefined bridge/host/none, user-defined bridge and macvlan networks, containers'
/// sandboxes. Changes are serialized by one gate (they run CNI plugins that share iptables and IPAM state anyway);
/// readers see immutable records swapped under a short lock.
/// </summary>
internal sealed partial class NetworkManager : INetworkManager, IEngineInitializer
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _sync = new();
    private readonly Dictionary<string, NetworkRecord> _networks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SandboxRecord> _sandboxes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, INetworkDriver> _drivers;
    private readonly NetworkStore _store;
    private readonly NetworkNamespaces _netns;
    private readonly NetworkOptions _options;
    private readonly IEventBus _events;
    private readonly TimeProvider _time;
    private readonly EmbeddedDns _dns;
    private readonly NetworkAdmission _admission;
    private readonly ILogger<NetworkManager> _logger;

    public NetworkManager(IOptions<EngineOptions> engine, IOptions<NetworkOptions> options, IEnumerable<INetworkDriver> drivers, EmbeddedDns dns,
        IEventBus events, TimeProvider time, NetworkAdmission admission, ILogger<NetworkManager> logger)
    {
        _options = options.Value;
        _store = new NetworkStore(NetworkStore.RootOf(engine.Value.DataRoot), logger);
        _netns = new NetworkNamespaces(Path.Combine(engine.Value.ExecRoot, "netns"));
        _drivers = drivers.ToDictionary(d => d.Name, StringComparer.Ordinal);
        _dns = dns;
        _events = events;
        _time = time;
        _admission = admission;
        _logger = logger;
    }

    public const string DefaultBridgeOption = "com.docker.network.bridge.default_bridge";

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_.-]*$")]
    private static partial Regex ValidName();

    /// <summary>After storage (volumes 50), before containers (200) re-adopt running ones.</summary>
    public int Order => 150;

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        _store.EnsureDirectories();
        lock (_sync)
        {
            foreach (var n in _store.LoadNetworks()) _networks[n.Id] = n;
            foreach (var s in _store.LoadSandboxes()) _sandboxes[s.ContainerId] = s;
        }
        EnsurePredefined();
        // Running containers keep their namespaces across a restart; their DNS listeners die with the old process.
        foreach (var s in Sandboxes().Where(s => s.NetnsPath is not null && NetworkNamespaces.IsMounted(s.NetnsPath)))
            StartDns(s);
        return Task.CompletedTask;
    }

    private void EnsurePredefined()
    {
        var bridge = _options.DefaultBridge;
        var subnet = Cidr.Parse(bridge.Subnet);
        var gateway = bridge.Gateway.Length > 0 ? bridge.Gateway : Cidr.FromUInt(subnet.FirstHost);
        var wanted = new[]
        {
            new NetworkRecord
            {
                Id = NewId(), Name = "bridge", Driver = "bridge", Predefined = true, Created = _time.GetUtcNow(), Device = bridge.Name,
                Ipam = [new IpamPool(subnet.ToString(), gateway, null)],
                Options = new Dictionary<string, string>
                {
                    [DefaultBridgeOption] = "true", [BridgeDriver.BridgeNameOption] = bridge.Name,
                    [BridgeDriver.MasqueradeOption] = "true", ["com.docker.network.bridge.enable_icc"] = "true",
                },
            },
            new NetworkRecord { Id = NewId(), Name = "host", Driver = "host", Predefined = true, Created = _time.GetUtcNow() },
            new NetworkRecord { Id = NewId(), Name = "none", Driver = "null", Predefined = true, Created = _time.GetUtcNow() },
        };
        foreach (var w in wanted)
        {
            var existing = Networks().FirstOrDefault(n => n.Name == w.Name && n.Predefined);
            if (existing is not null && (existing.Device == w.Device && existing.Ipam.SequenceEqual(w.Ipam) || EndpointsOf(existing.Id).Count > 0)) continue;
            // New, or the configuration changed (another bridge or subnet) while nothing was attached: keep the id.
            var record = existing is null ? w : w with { Id = existing.Id, Created = existing.Created };
            _store.Save(record);
            lock (_sync) _networks[record.Id] = record;
        }
    }

    public IReadOnlyList<NetworkRecord> List(IReadOnlyDictionary<string, IReadOnlyList<string>> filters) =>
        NetworkFilters.Apply(Networks().Where(n => TeamScope.CanSee(n.Labels)), filters, _time.GetUtcNow());

    /// <summary>Another team's network is "not found" for the caller, as if it did not exist.</summary>
    public NetworkRecord Get(string idOrName) => TryGet(idOrName) ?? throw EngineException.NotFound($"network {idOrName} not found");

    /// <summary>A network the current caller may see (its team's, a shared one, any for Admins), or null.</summary>
    private NetworkRecord? TryGet(string idOrName)
    {
        var found = Find(idOrName);
        return found is not null && TeamScope.CanSee(found.Labels) ? found : null;
    }

    /// <summary>By id, name or unique id prefix, whoever asks: for the engine's own work on networks already admitted.</summary>
    private NetworkRecord? Find(string idOrName)
    {
        if (idOrName.Length == 0) return null;
        lock (_sync)
        {
            if (_networks.TryGetValue(idOrName, out var byId)) return byId;
            var byName = _networks.Values.FirstOrDefault(n => n.Name == idOrName);
            if (byName is not null) return byName;
            var byPrefix = _networks.Values.Where(n => n.Id.StartsWith(idOrName, StringComparison.Ordinal)).ToList();
            if (byPrefix.Count > 1) throw EngineException.Invalid($"network {idOrName} is ambiguous ({byPrefix.Count} matches found based on ID prefix)");
            return byPrefix.SingleOrDefault();
        }
    }

    public async Task<NetworkRecord> CreateAsync(NetworkCreateRequest request, CancellationToken cancellationToken)
    {
        request = _admission.Admit(request);
        if (!ValidName().IsMatch(request.Name))
            throw EngineException.Invalid($"invalid network name \"{request.Name}\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        var driverName = request.Driver is "" ? "bridge" : request.Driver;
        if (driverName is "host" or "null")
            throw Forbidden($"only one instance of \"{driverName}\" network is allowed");
        if (!_drivers.TryGetValue(driverName, out var driver))
            throw EngineException.NotFound($"plugin \"{driverName}\" not found: drivers are {string.Join(", ", _drivers.Keys)}");
        if (request.EnableIPv6) throw EngineException.Invalid("IPv6 networks are not supported by this engine yet");
        if (request.IpamDriver is not ("" or "default")) throw EngineException.Invalid($"IPAM driver \"{request.IpamDriver}\" is not supported: use default");
        if (request.Ipam.Count > 1) throw EngineException.Invalid("only one IPv4 IPAM config (subnet) per network is supported");

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (TryGetByName(request.Name) is not null) throw EngineException.Conflict($"network with name {request.Name} already exists");
            var pool = ResolvePool(request.Ipam.FirstOrDefault(), driverName);
            var record = await driver.CreateAsync(new NetworkRecord
            {
                Id = NewId(), Name = request.Name, Driver = driverName, Created = _time.GetUtcNow(),
                Internal = request.Internal, Attachable = request.Attachable, Ipam = [pool],
                Options = new Dictionary<string, string>(request.Options), Labels = new Dictionary<string, string>(request.Labels),
            }, cancellationToken);
            if (record.Driver == "bridge" && Networks().Any(n => n.Driver == "bridge" && n.Device == record.Device))
                throw EngineException.Conflict($"bridge name {record.Device} is already used by another network");
            _store.Save(record);
            lock (_sync) _networks[record.Id] = record;
            Publish(record, "create");
            LogCreated(_logger, record.Name, record.Id, record.Driver, pool.Subnet);
            return record;
        }
        finally
        {
            _gate.Release();
        }
    }

    private NetworkRecord? TryGetByName(string name)
    {
        lock (_sync) return _networks.Values.FirstOrDefault(n => n.Name == name);
    }

    /// <summary>Fills in a subnet from the pools and a gateway (the first host); checks gateway and range lie in the subnet.</summary>
    private IpamPool ResolvePool(IpamPool? asked, string driver)
    {
        var used = Networks().SelectMany(n => n.Ipam).Select(p => Cidr.Parse(p.Subnet)).ToList();
        Cidr subnet;
        if (asked is null || asked.Subnet.Length == 0)
        {
            if (asked is { Gateway.Length: > 0 } || asked?.IPRange is { Length: > 0 })
                throw EngineException.Invalid("a gateway or ip-range needs a subnet (--subnet)");
            subnet = SubnetAllocator.Allocate(_options.EffectivePools, used);
        }
        else
        {
            subnet = Cidr.Parse(asked.Subnet);
            if (subnet.Prefix > 30) throw EngineException.Invalid($"subnet {subnet} is too small");
            // macvlan networks share the parent's LAN, which can also be another network's; bridges must not overlap.
            if (driver == "bridge" && used.FirstOrDefault(u => u.Overlaps(subnet)) is { Prefix: > 0 } clash)
                throw Forbidden($"invalid pool request: Pool overlaps with other one on this address space ({clash})");
        }
        var gateway = asked is { Gateway.Length: > 0 } ? asked.Gateway : Cidr.FromUInt(subnet.FirstHost);
        var g = Cidr.ParseAddress(gateway);
        if (!subnet.Contains(g) || g == subnet.Network || g == subnet.Broadcast)
            throw EngineException.Invalid($"gateway {gateway} is not a host address of subnet {subnet}");
        string? range = null;
        if (asked?.IPRange is { Length: > 0 } r)
        {
            var rc = Cidr.Parse(r);
            if (!subnet.Contains(rc.Network) || rc.Prefix < subnet.Prefix) throw EngineException.Invalid($"ip-range {r} is not inside subnet {subnet}");
            range = rc.ToString();
        }
        return new IpamPool(subnet.ToString(), gateway, range);
    }

    public async Task RemoveAsync(string idOrName, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var network = Get(idOrName);
            if (network.Predefined) throw Forbidden($"{network.Name} is a pre-defined network and cannot be removed");
            if (EndpointsOf(network.Id).Count > 0)
                throw Forbidden($"error while removing network: network {network.Name} id {network.Id} has active endpoints");
            await RemoveLockedAsync(network, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RemoveLockedAsync(NetworkRecord network, CancellationToken cancellationToken)
    {
        await _drivers[network.Driver].DeleteAsync(network, cancellationToken);
        _store.Delete(network);
        lock (_sync) _networks.Remove(network.Id);
        Publish(network, "destroy");
        LogRemoved(_logger, network.Name, network.Id);
    }

    public async Task<IReadOnlyList<string>> PruneAsync(IReadOnlyDictionary<string, IReadOnlyList<string>> filters, CancellationToken cancellationToken)
    {
        var removed = new List<string>();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var candidates = NetworkFilters.ApplyPrune(Networks().Where(n => !n.Predefined && TeamScope.CanSee(n.Labels)), filters, _time.GetUtcNow());
            foreach (var n in candidates)
            {
                if (EndpointsOf(n.Id).Count > 0 || Sandboxes().Any(s => s.Networks.ContainsKey(n.Id))) continue;
                await RemoveLockedAsync(n, cancellationToken);
                removed.Add(n.Name);
            }
        }
        finally
        {
            _gate.Release();
        }
        return removed;
    }

    public IReadOnlyList<(SandboxRecord Sandbox, EndpointRecord Endpoint)> EndpointsOf(string networkId) =>
        [.. Sandboxes().Where(s => s.Endpoints.ContainsKey(networkId)).Select(s => (s, s.Endpoints[networkId]))];

    public SandboxRecord? Sandbox(string containerId)
    {
        lock (_sync) return _sandboxes.GetValueOrDefault(containerId);
    }

    private List<NetworkRecord> Networks()
    {
        lock (_sync) return [.. _networks.Values.OrderBy(n => n.Created)];
    }

    public IReadOnlyList<string> SandboxOwners() => [.. Sandboxes().Select(s => s.ContainerId)];

    private List<SandboxRecord> Sandboxes()
    {
        lock (_sync) return [.. _sandboxes.Values];
    }

    private void SaveSandbox(SandboxRecord sandbox)
    {
        _store.Save(sandbox);
        Remember(sandbox);
    }

    /// <summary>Updates the in-memory record only; the caller saves it durably once its change is complete.</summary>
    private void Remember(SandboxRecord sandbox)
    {
        lock (_sync) _sandboxes[sandbox.ContainerId] = sandbox;
    }

    private void Publish(NetworkRecord network, string action, string? containerId = null)
    {
        var attributes = new Dictionary<string, string> { ["name"] = network.Name, ["type"] = network.Driver };
        if (containerId is not null) attributes["container"] = containerId;
        // The team, for the event stream's team filter (TeamScope.CanSeeEvent).
        if (network.Labels.TryGetValue(TeamScope.Label, out var team)) attributes[TeamScope.Label] = team;
        _events.Publish(new EngineEvent("network", action, network.Id, attributes, _time.GetUtcNow()));
    }

    private static EngineException Forbidden(string message) => new(ErrorKind.Forbidden, message);

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
