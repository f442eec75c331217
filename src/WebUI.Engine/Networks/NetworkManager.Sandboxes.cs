using WebUI.Engine.Errors;

namespace WebUI.Engine.Networks;

// Containers: their network configuration, namespaces, endpoints, /etc files and connect/disconnect.
internal sealed partial class NetworkManager
{
    public async Task ConfigureContainerAsync(ContainerNetworkRequest request, CancellationToken cancellationToken)
    {
        var mode = request.NetworkMode is "" or "default" ? "bridge" : request.NetworkMode;
        // The CLI keys the endpoint of its default network "default"; it is the primary network's.
        var endpointsConfig = request.EndpointsConfig.ToDictionary(e => e.Key is "default" or "" ? mode : e.Key, e => e.Value);
        if (mode.StartsWith("container:", StringComparison.Ordinal))
            throw EngineException.Invalid($"network mode \"{mode}\" is not supported yet: use a network, none or host");
        if (mode is not ("none" or "host") && Get(mode).Driver is "host" or "null") mode = Get(mode).Driver == "host" ? "host" : "none";
        var networks = new Dictionary<string, EndpointConfig>(StringComparer.Ordinal);
        string sandboxMode;
        if (mode is "none" or "host")
        {
            sandboxMode = mode;
            if (endpointsConfig.Keys.Any(k => k != mode && TryGet(k)?.Name != mode))
                throw EngineException.Invalid($"container cannot be connected to other networks with network mode {mode}");
        }
        else
        {
            var primary = Get(mode);
            sandboxMode = primary.Id;
            networks[primary.Id] = endpointsConfig.FirstOrDefault(e => TryGet(e.Key)?.Id == primary.Id).Value ?? new EndpointConfig();
            foreach (var (name, config) in endpointsConfig)
            {
                var n = Get(name);
                if (n.Driver is "host" or "null") throw EngineException.Invalid($"container cannot be connected to network {n.Name} and to {primary.Name}");
                networks.TryAdd(n.Id, config);
            }
            foreach (var (id, config) in networks) ValidateEndpoint(Get(id), config);
        }
        var ports = sandboxMode is "none" or "host" ? [] : PortBindings.Parse(request.PortBindings, request.ExposedPorts, request.PublishAllPorts);
        var sandbox = new SandboxRecord
        {
            ContainerId = request.ContainerId,
            ContainerName = request.Name.TrimStart('/'),
            Hostname = request.Hostname,
            Domainname = request.Domainname,
            Mode = sandboxMode,
            Networks = networks,
            Ports = ports,
            ExposedPorts = request.ExposedPorts,
            Dns = request.Dns,
            DnsSearch = request.DnsSearch,
            DnsOptions = request.DnsOptions,
            ExtraHosts = request.ExtraHosts,
        };
        await _gate.WaitAsync(cancellationToken);
        try { SaveSandbox(sandbox); }
        finally { _gate.Release(); }
    }

    private static void ValidateEndpoint(NetworkRecord network, EndpointConfig config)
    {
        if (config.IPv4Address is not { Length: > 0 } ip) return;
        if (!network.UserDefined) throw EngineException.Invalid("user specified IP address is supported on user defined networks only");
        var pool = network.Ipam.First();
        var subnet = Cidr.Parse(pool.Subnet);
        var address = Cidr.ParseAddress(ip);
        if (!subnet.Contains(address) || address == subnet.Network || address == subnet.Broadcast || ip == pool.Gateway)
            throw EngineException.Invalid($"invalid address {ip}: it is not a free host address of subnet {pool.Subnet} (gateway {pool.Gateway})");
    }

    public async Task<NetworkSetUp> SetUpAsync(string containerId, string hostsPath, string resolvConfPath, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        var handedOver = false;
        try
        {
            var sandbox = Sandbox(containerId) ?? throw EngineException.NotFound($"no network configuration for container {containerId}");
            if (sandbox.NetnsPath is not null) await TearDownLockedAsync(sandbox, CancellationToken.None);
            sandbox = Sandbox(containerId)!;
            if (sandbox.Mode == "host") return NetworkSetUp.Host;

            var netns = _netns.Create(RuntimeName(containerId));
            sandbox = sandbox with { NetnsPath = netns, HostsPath = hostsPath, ResolvConfPath = resolvConfPath, Endpoints = new Dictionary<string, EndpointRecord>() };
            // Held in memory while the endpoints are attached, then written once (each durable write costs an fsync
            // pair on the hot path of docker run); the namespace path is derived from the id, so a crash meanwhile
            // leaves nothing the next start cannot replace.
            Remember(sandbox);
            // The plugins run (and the gate stays taken) while the runtime creates the container in the namespace. Not
            // cancelled with the request: an attach is short, and a start given up part way skips the caller's cleanup.
            var attached = Task.Run(() => AttachSandboxAsync(sandbox, CancellationToken.None), CancellationToken.None);
            handedOver = true;
            return new NetworkSetUp(netns, attached);
        }
        finally
        {
            if (!handedOver) _gate.Release();
        }
    }

    /// <summary>The attach half of <see cref="SetUpAsync"/>: runs holding the gate and releases it; a failure tears the namespace down.</summary>
    private async Task AttachSandboxAsync(SandboxRecord sandbox, CancellationToken cancellationToken)
    {
        try
        {
            var published = false;
            foreach (var (networkId, config) in sandbox.Networks)
            {
                // Admitted when the container was configured or connected: the team check is not repeated at each start.
                var network = Find(networkId) ?? throw EngineException.NotFound($"network {networkId} not found");
                // Ports are published through the first bridge network (Docker publishes on each; one is enough to reach it).
                var ports = !published && network.Driver == "bridge" ? sandbox.Ports : [];
                published |= ports.Count > 0;
                sandbox = await AttachLockedAsync(sandbox, network, config, ports, save: false, cancellationToken);
            }
            SaveSandbox(sandbox);
            WriteEtcFiles(sandbox);
            StartDns(sandbox);
        }
        catch
        {
            await TearDownLockedAsync(Sandbox(sandbox.ContainerId)!, CancellationToken.None);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SandboxRecord> AttachLockedAsync(SandboxRecord sandbox, NetworkRecord network, EndpointConfig config, IReadOnlyList<PortRequest> ports, bool save, CancellationToken cancellationToken)
    {
        var driver = _drivers.GetValueOrDefault(network.Driver) ?? throw EngineException.Invalid($"network {network.Name} ({network.Driver}) cannot have endpoints");
        if (config.IPv4Address is { Length: > 0 } ip && EndpointsOf(network.Id).Any(e => e.Endpoint.IPv4Address.Split('/')[0] == ip))
            throw EngineException.Conflict($"Address already in use: {ip} is taken on network {network.Name}");
        var inUse = Sandboxes().SelectMany(s => s.Endpoints.Values).SelectMany(e => e.Ports).ToList();
        var mappings = PortAllocator.Resolve(ports, inUse);
        var used = sandbox.Endpoints.Values.Select(e => e.IfName).ToHashSet();
        var ifName = Enumerable.Range(0, 64).Select(i => $"eth{i}").First(n => !used.Contains(n));
        var endpoint = await driver.AttachAsync(network, new EndpointRequest(sandbox.ContainerId, sandbox.NetnsPath!, ifName, config, mappings), cancellationToken);
        var endpoints = new Dictionary<string, EndpointRecord>(sandbox.Endpoints) { [network.Id] = endpoint };
        sandbox = sandbox with { Endpoints = endpoints };
        if (save) SaveSandbox(sandbox); else Remember(sandbox);
        Publish(network, "connect", sandbox.ContainerId);
        LogAttached(_logger, sandbox.ContainerId, network.Name, endpoint.IPv4Address, ifName);
        return sandbox;
    }

    public async Task TearDownAsync(string containerId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Sandbox(containerId) is { } sandbox) await TearDownLockedAsync(sandbox, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Detaches every endpoint (errors are logged: teardown must finish), then removes the namespace.</summary>
    private async Task TearDownLockedAsync(SandboxRecord sandbox, CancellationToken cancellationToken, bool persist = true)
    {
        _dns.Stop(sandbox.ContainerId);
        foreach (var (networkId, endpoint) in sandbox.Endpoints.Reverse())
        {
            sandbox = await DetachLockedAsync(sandbox, networkId, endpoint, save: false, cancellationToken);
        }
        if (sandbox.NetnsPath is not null) NetworkNamespaces.Delete(sandbox.NetnsPath);
        sandbox = sandbox with { NetnsPath = null, Endpoints = new Dictionary<string, EndpointRecord>() };
        if (persist) SaveSandbox(sandbox); else Remember(sandbox);
    }

    private async Task<SandboxRecord> DetachLockedAsync(SandboxRecord sandbox, string networkId, EndpointRecord endpoint, bool save, CancellationToken cancellationToken)
    {
        NetworkRecord? network;
        lock (_sync) _networks.TryGetValue(networkId, out network);
        if (network is not null && _drivers.TryGetValue(network.Driver, out var driver))
        {
            try { await driver.DetachAsync(network, endpoint, sandbox.ContainerId, sandbox.NetnsPath, cancellationToken); }
            catch (Exception e) when (e is CniException or EngineException or IOException) { LogDetachFailed(_logger, sandbox.ContainerId, network.Name, e); }
        }
        var endpoints = new Dictionary<string, EndpointRecord>(sandbox.Endpoints);
        endpoints.Remove(networkId);
        sandbox = sandbox with { Endpoints = endpoints };
        if (save) SaveSandbox(sandbox); else Remember(sandbox);
        if (network is not null) Publish(network, "disconnect", sandbox.ContainerId);
        return sandbox;
    }

    public async Task RemoveContainerAsync(string containerId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Sandbox(containerId) is not { } sandbox) return;
            if (sandbox.NetnsPath is not null || sandbox.Endpoints.Count > 0) await TearDownLockedAsync(sandbox, cancellationToken, persist: false);
            _store.DeleteSandbox(containerId);
            lock (_sync) _sandboxes.Remove(containerId);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task ConnectAsync(string networkName, string containerId, EndpointConfig config, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var network = Get(networkName);
            var sandbox = Sandbox(containerId) ?? throw EngineException.NotFound($"No such container: {containerId}");
            if (sandbox.Mode is "host" or "none" || network.Driver is "host" or "null")
                throw Forbidden($"container sharing network namespace with another container or host cannot be connected to any other network");
            if (sandbox.Networks.ContainsKey(network.Id))
                throw Forbidden($"endpoint with name {sandbox.ContainerName} already exists in network {network.Name}");
            ValidateEndpoint(network, config);
            var networks = new Dictionary<string, EndpointConfig>(sandbox.Networks) { [network.Id] = config };
            var updated = sandbox with { Networks = networks };
            if (sandbox.NetnsPath is not null)
            {
                updated = await AttachLockedAsync(updated, network, config, [], save: true, cancellationToken);
                WriteEtcFiles(updated);
                StartDns(updated);
            }
            else SaveSandbox(updated);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task DisconnectAsync(string networkName, string containerId, bool force, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var network = force ? TryGet(networkName) : Get(networkName);
            var sandbox = Sandbox(containerId) ?? throw EngineException.NotFound($"No such container: {containerId}");
            if (network is null) return;
            if (sandbox.Mode == "host" || network.Driver == "host")
                throw Forbidden("container cannot be disconnected from host network or connected to host network");
            if (!sandbox.Networks.ContainsKey(network.Id))
                throw Forbidden($"container {containerId} is not connected to network {network.Name}");
            if (sandbox.Endpoints.TryGetValue(network.Id, out var endpoint))
                sandbox = await DetachLockedAsync(sandbox, network.Id, endpoint, save: false, cancellationToken);
            var networks = new Dictionary<string, EndpointConfig>(sandbox.Networks);
            networks.Remove(network.Id);
            sandbox = sandbox with { Networks = networks, Mode = sandbox.Mode == network.Id ? networks.Keys.FirstOrDefault() ?? "none" : sandbox.Mode };
            SaveSandbox(sandbox);
            if (sandbox.NetnsPath is not null) { WriteEtcFiles(sandbox); StartDns(sandbox); }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Whether the container resolves names through the embedded DNS server: on a user-defined network, with the server on.</summary>
    private bool UsesEmbeddedDns(SandboxRecord sandbox) =>
        _options.EmbeddedDns && sandbox.Endpoints.Keys.Any(id => Find(id)?.UserDefined == true);

    private void WriteEtcFiles(SandboxRecord sandbox)
    {
        var hostResolv = File.Exists("/etc/resolv.conf") ? File.ReadAllText("/etc/resolv.conf") : "";
        if (sandbox.HostsPath is not null) EtcFiles.WriteInPlace(sandbox.HostsPath, EtcFiles.Hosts(sandbox, sandbox.Endpoints.Values));
        if (sandbox.ResolvConfPath is not null) EtcFiles.WriteInPlace(sandbox.ResolvConfPath, EtcFiles.ResolvConf(sandbox, UsesEmbeddedDns(sandbox), hostResolv));
    }

    private void StartDns(SandboxRecord sandbox)
    {
        if (sandbox.NetnsPath is null) return;
        if (!UsesEmbeddedDns(sandbox)) { _dns.Stop(sandbox.ContainerId); return; }
        var hostResolv = File.Exists("/etc/resolv.conf") ? File.ReadAllText("/etc/resolv.conf") : "";
        var forward = sandbox.Endpoints.Keys.Any(id => Find(id) is { UserDefined: true, Internal: false });
        try { _dns.Start(sandbox.ContainerId, sandbox.NetnsPath, name => Resolve(sandbox.ContainerId, name), forward ? EtcFiles.Upstreams(sandbox, hostResolv) : []); }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or Linux.LinuxException) { LogDnsFailed(_logger, sandbox.ContainerId, e); }
    }

    /// <summary>Addresses of containers sharing a user-defined network with <paramref name="containerId"/>, by name, alias, short id or hostname.</summary>
    internal IReadOnlyList<string> Resolve(string containerId, string name)
    {
        var self = Sandbox(containerId);
        if (self is null) return [];
        name = name.TrimEnd('.');
        var result = new List<string>();
        foreach (var networkId in self.Endpoints.Keys)
        {
            if (Find(networkId) is not { UserDefined: true } network) continue;
            foreach (var (other, endpoint) in EndpointsOf(networkId))
            {
                var config = other.Networks.GetValueOrDefault(networkId);
                var names = new List<string> { other.ContainerName, other.ContainerId[..12], other.Hostname };
                if (config is not null) names.AddRange(config.Aliases);
                if (names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase) || string.Equals($"{n}.{network.Name}", name, StringComparison.OrdinalIgnoreCase)))
                {
                    var ip = endpoint.IPv4Address.Split('/')[0];
                    if (ip.Length > 0 && !result.Contains(ip)) result.Add(ip);
                }
            }
        }
        return result;
    }

    /// <summary>The namespace file name: the short id, as the runtime's other per-container names.</summary>
    private static string RuntimeName(string containerId) => containerId[..12];
}
