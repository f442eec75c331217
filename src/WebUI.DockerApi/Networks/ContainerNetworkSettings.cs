using WebUI.DockerApi.Containers;
using WebUI.Engine.Containers;
using WebUI.Engine.Networks;

namespace WebUI.DockerApi.Networks;

/// <summary>A container's NetworkSettings (networks with addresses, published ports) from the network manager's sandbox.</summary>
internal static class ContainerNetworkSettings
{
    public static Dictionary<string, EndpointSettings> Networks(ContainerRecord c, INetworkManager manager)
    {
        var sandbox = manager.Sandbox(c.Id);
        var result = new Dictionary<string, EndpointSettings>();
        if (sandbox is null || sandbox.Mode is "host" or "none")
        {
            var mode = sandbox?.Mode ?? (c.HostConfig.NetworkMode is "" ? "none" : c.HostConfig.NetworkMode);
            NetworkRecord? n = null;
            try { n = manager.Get(mode); } catch (WebUI.Engine.Errors.EngineException) { }
            result[n?.Name ?? mode] = new EndpointSettings { NetworkID = n?.Id ?? "" };
            return result;
        }
        foreach (var (networkId, config) in sandbox.Networks)
        {
            NetworkRecord network;
            try { network = manager.Get(networkId); }
            catch (WebUI.Engine.Errors.EngineException) { continue; }
            var e = sandbox.Endpoints.GetValueOrDefault(networkId);
            var address = e?.IPv4Address.Split('/') ?? [];
            result[network.Name] = new EndpointSettings
            {
                Aliases = config.Aliases.Count > 0 ? config.Aliases : null,
                IPAMConfig = config.IPv4Address is null ? null : new EndpointIpamConfigBody(config.IPv4Address, null),
                NetworkID = network.Id,
                EndpointID = e?.EndpointId ?? "",
                MacAddress = e?.MacAddress ?? "",
                Gateway = e?.Gateway ?? "",
                IPAddress = address.Length > 0 ? address[0] : "",
                IPPrefixLen = address.Length > 1 && int.TryParse(address[1], out var p) ? p : 0,
                DNSNames = e is null || !network.UserDefined ? null : [sandbox.ContainerName, sandbox.ContainerId[..12], .. config.Aliases],
            };
        }
        return result;
    }

    public static NetworkSettingsResponse Settings(ContainerRecord c, INetworkManager manager)
    {
        var networks = Networks(c, manager);
        var sandbox = manager.Sandbox(c.Id);
        var primary = networks.Values.FirstOrDefault(n => n.IPAddress.Length > 0) ?? new EndpointSettings();
        return new NetworkSettingsResponse
        {
            Networks = networks,
            SandboxID = sandbox?.NetnsPath is null ? "" : c.Id,
            SandboxKey = sandbox?.NetnsPath ?? "",
            Ports = Ports(sandbox),
            EndpointID = primary.EndpointID,
            Gateway = primary.Gateway,
            IPAddress = primary.IPAddress,
            IPPrefixLen = primary.IPPrefixLen,
            MacAddress = primary.MacAddress,
            Bridge = "",
        };
    }

    /// <summary>"80/tcp" → [{HostIp, HostPort}] for published ports of a running container; exposed ones map to null.</summary>
    public static Dictionary<string, object?> Ports(SandboxRecord? sandbox)
    {
        var ports = new Dictionary<string, object?>();
        if (sandbox is null) return ports;
        foreach (var key in sandbox.ExposedPorts) ports[key.Contains('/') ? key : key + "/tcp"] = null;
        foreach (var m in sandbox.Endpoints.Values.SelectMany(e => e.Ports))
        {
            var key = $"{m.ContainerPort}/{m.Protocol}";
            var list = ports.GetValueOrDefault(key) as List<PortBinding> ?? [];
            list.Add(new PortBinding(m.HostIP, m.HostPort.ToString()));
            ports[key] = list;
        }
        return ports;
    }
}
