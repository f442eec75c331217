using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Networks;

/// <summary>The part bridge and macvlan share: a CNI chain (main plugin + host-local IPAM, then portmap when ports are published).</summary>
internal abstract class CniDriverBase(CniInvoker cni, string ipamDir) : INetworkDriver
{
    public abstract string Name { get; }

    public abstract Task<NetworkRecord> CreateAsync(NetworkRecord network, CancellationToken cancellationToken);

    public virtual Task DeleteAsync(NetworkRecord network, CancellationToken cancellationToken)
    {
        var dir = Path.Combine(ipamDir, network.Id);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>The main plugin's config (type, device, mode) without ipam.</summary>
    protected abstract JsonObject MainPlugin(NetworkRecord network);

    /// <summary>Whether the container gets a default route (and, for bridge, masquerading): false for --internal.</summary>
    protected virtual bool RouteOut(NetworkRecord network) => !network.Internal;

    /// <summary>What the network needs once before its first endpoint (bridge: its masquerade rule).</summary>
    protected virtual Task PrepareAsync(NetworkRecord network, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<EndpointRecord> AttachAsync(NetworkRecord network, EndpointRequest request, CancellationToken cancellationToken)
    {
        await PrepareAsync(network, cancellationToken);
        var list = Chain(network, request.Config.IPv4Address, request.Ports);
        var call = new CniInvocation(request.ContainerId, request.NetnsPath, request.IfName);
        CniResult result;
        try { result = await cni.AddAsync(list, call, cancellationToken); }
        catch (CniException e) { throw new EngineException(ErrorKind.Internal, $"failed to set up container networking on network {network.Name}: {e.PluginMessage}", e); }
        var (address, gateway, mac) = result.PrimaryIPv4(request.IfName);
        return new EndpointRecord
        {
            NetworkId = network.Id,
            EndpointId = EndpointId(network.Id, request.ContainerId),
            IfName = request.IfName,
            MacAddress = mac,
            IPv4Address = address,
            Gateway = RouteOut(network) ? gateway : "",
            Ports = request.Ports,
            CniResult = result.Raw,
        };
    }

    public async Task DetachAsync(NetworkRecord network, EndpointRecord endpoint, string containerId, string? netnsPath, CancellationToken cancellationToken)
    {
        var list = Chain(network, null, endpoint.Ports);
        // A namespace that is gone is passed as "" so plugins only release what lives outside it (lease, rules).
        var ns = netnsPath is not null && File.Exists(netnsPath) ? netnsPath : "";
        await cni.DelAsync(list, new CniInvocation(containerId, ns, endpoint.IfName), endpoint.CniResult, cancellationToken);
        // The bridge plugin removes its masquerade rules only when it can read the addresses in the namespace.
        if (ns.Length == 0) await MasqueradeRules.RemoveAsync(network.Id, containerId, cancellationToken);
    }

    /// <summary>The plugin list for one endpoint; the list name is the network id (so host-local keeps leases per network).</summary>
    internal CniNetworkList Chain(NetworkRecord network, string? staticIp, IReadOnlyList<PortMapping> ports)
    {
        var main = MainPlugin(network);
        var range = new JsonObject();
        var pool = network.Ipam.FirstOrDefault() ?? throw EngineException.Invalid($"network {network.Name} has no IPAM config");
        var subnet = Cidr.Parse(pool.Subnet);
        range["subnet"] = pool.Subnet;
        if (pool.Gateway.Length > 0) range["gateway"] = pool.Gateway;
        // A static address may lie outside --ip-range (as in Docker); host-local only checks it against the range it is given.
        if (pool.IPRange is { Length: > 0 } && staticIp is null)
        {
            var r = Cidr.Parse(pool.IPRange);
            range["rangeStart"] = Cidr.FromUInt(Math.Max(r.FirstHost, subnet.FirstHost));
            range["rangeEnd"] = Cidr.FromUInt(Math.Min(r.LastHost, subnet.LastHost));
        }
        var ipam = new JsonObject
        {
            ["type"] = "host-local",
            ["ranges"] = new JsonArray(new JsonArray(range)),
            ["dataDir"] = ipamDir,
        };
        if (RouteOut(network) && pool.Gateway.Length > 0) ipam["routes"] = new JsonArray(new JsonObject { ["dst"] = "0.0.0.0/0" });
        main["ipam"] = ipam;
        if (staticIp is not null)
        {
            main["capabilities"] = new JsonObject { ["ips"] = true };
            main["runtimeConfig"] = new JsonObject { ["ips"] = new JsonArray((JsonNode)$"{staticIp}/{subnet.Prefix}") };
        }
        var plugins = new List<JsonObject> { main };
        if (ports.Count > 0)
        {
            var mappings = new JsonArray();
            foreach (var p in ports)
            {
                var m = new JsonObject { ["hostPort"] = p.HostPort, ["containerPort"] = p.ContainerPort, ["protocol"] = p.Protocol };
                if (p.HostIP.Length > 0 && p.HostIP != "0.0.0.0") m["hostIP"] = p.HostIP;
                mappings.Add(m);
            }
            plugins.Add(new JsonObject
            {
                ["type"] = "portmap",
                ["capabilities"] = new JsonObject { ["portMappings"] = true },
                ["snat"] = true,
                ["runtimeConfig"] = new JsonObject { ["portMappings"] = mappings },
            });
        }
        return new CniNetworkList(network.Id, plugins);
    }

    /// <summary>A stable endpoint id (64 hex) for a container on a network.</summary>
    public static string EndpointId(string networkId, string containerId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(networkId + "/" + containerId)));
}
