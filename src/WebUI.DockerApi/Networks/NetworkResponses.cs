using WebUI.DockerApi.Containers;
using WebUI.Engine.Networks;

namespace WebUI.DockerApi.Networks;

/// <summary>Builds Docker's network JSON from the engine's records.</summary>
internal static class NetworkResponses
{
    public static NetworkResource Resource(NetworkRecord n, INetworkManager manager, bool withContainers, Func<string, bool>? showContainer = null) => new()
    {
        Name = n.Name,
        Id = n.Id,
        Created = DockerTime.Format(n.Created),
        Driver = n.Driver,
        EnableIPv6 = n.EnableIPv6,
        IPAM = new NetworkIpam
        {
            Driver = "default",
            Options = new Dictionary<string, string>(),
            Config = [.. n.Ipam.Select(p => new NetworkIpamConfig { Subnet = p.Subnet, Gateway = p.Gateway.Length > 0 ? p.Gateway : null, IPRange = p.IPRange })],
        },
        Internal = n.Internal,
        Attachable = n.Attachable,
        Containers = withContainers
            ? manager.EndpointsOf(n.Id).Where(e => showContainer?.Invoke(e.Sandbox.ContainerId) ?? true).ToDictionary(e => e.Sandbox.ContainerId, e => new NetworkContainer(
                e.Sandbox.ContainerName, e.Endpoint.EndpointId, e.Endpoint.MacAddress, e.Endpoint.IPv4Address, ""))
            : new Dictionary<string, NetworkContainer>(),
        Options = n.Options,
        Labels = n.Labels,
    };
}
