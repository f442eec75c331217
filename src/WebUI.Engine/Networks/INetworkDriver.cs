namespace WebUI.Engine.Networks;

/// <summary>
/// A network driver (bridge, macvlan; later a VXLAN overlay). Lifecycle: <see cref="CreateAsync"/> once when the network is
/// created (validate options, name the device) → <see cref="AttachAsync"/> / <see cref="DetachAsync"/> per container
/// start/connect and exit/disconnect, each given the container's namespace → <see cref="DeleteAsync"/> once, with no
/// endpoints left. Implementations keep no state of their own: everything they need is in the records handed in.
/// </summary>
internal interface INetworkDriver
{
    /// <summary>The name users pass to `docker network create -d`.</summary>
    string Name { get; }

    /// <summary>Validates the options of a new network and returns it completed (device name, defaults).</summary>
    Task<NetworkRecord> CreateAsync(NetworkRecord network, CancellationToken cancellationToken);

    /// <summary>Removes what the network left on the host (a bridge device, IPAM state).</summary>
    Task DeleteAsync(NetworkRecord network, CancellationToken cancellationToken);

    /// <summary>Gives the container an interface on the network inside its namespace, with an address and published ports.</summary>
    Task<EndpointRecord> AttachAsync(NetworkRecord network, EndpointRequest request, CancellationToken cancellationToken);

    /// <summary>Removes the interface, its address lease and its port rules; safe to call when the namespace is already gone.</summary>
    Task DetachAsync(NetworkRecord network, EndpointRecord endpoint, string containerId, string? netnsPath, CancellationToken cancellationToken);
}
