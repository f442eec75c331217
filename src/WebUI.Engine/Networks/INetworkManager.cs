namespace WebUI.Engine.Networks;

/// <summary>
/// Networks and the containers on them. Networks: create → (connect / disconnect)* → remove (refused while containers are
/// attached). Containers: <see cref="ConfigureContainerAsync"/> at create, <see cref="SetUpAsync"/> before the runtime
/// creates the container (namespace, interfaces, addresses, ports, DNS; returns the namespace for the OCI spec at once
/// and attaches while the runtime creates the container),
/// <see cref="TearDownAsync"/> after it exits, <see cref="RemoveContainerAsync"/> when it is removed.
/// </summary>
public interface INetworkManager
{
    IReadOnlyList<NetworkRecord> List(IReadOnlyDictionary<string, IReadOnlyList<string>> filters);

    /// <summary>By full id, name, or unique id prefix; "network foo not found" otherwise.</summary>
    NetworkRecord Get(string idOrName);

    Task<NetworkRecord> CreateAsync(NetworkCreateRequest request, CancellationToken cancellationToken);

    Task RemoveAsync(string idOrName, CancellationToken cancellationToken);

    /// <summary>Removes user-defined networks no container uses; returns their names.</summary>
    Task<IReadOnlyList<string>> PruneAsync(IReadOnlyDictionary<string, IReadOnlyList<string>> filters, CancellationToken cancellationToken);

    /// <summary>Puts a container on a network: at once when it runs, at its next start otherwise.</summary>
    Task ConnectAsync(string network, string containerId, EndpointConfig config, CancellationToken cancellationToken);

    Task DisconnectAsync(string network, string containerId, bool force, CancellationToken cancellationToken);

    /// <summary>Running containers on a network with their endpoints.</summary>
    IReadOnlyList<(SandboxRecord Sandbox, EndpointRecord Endpoint)> EndpointsOf(string networkId);

    /// <summary>A container's networking, or null for a container the manager does not know.</summary>
    SandboxRecord? Sandbox(string containerId);

    /// <summary>The ids of every container with a sandbox record (start-up repair removes those no container owns).</summary>
    IReadOnlyList<string> SandboxOwners();

    Task ConfigureContainerAsync(ContainerNetworkRequest request, CancellationToken cancellationToken);

    /// <summary>Builds the container's network namespace and starts attaching it (see <see cref="NetworkSetUp"/>).</summary>
    Task<NetworkSetUp> SetUpAsync(string containerId, string hostsPath, string resolvConfPath, CancellationToken cancellationToken);

    Task TearDownAsync(string containerId, CancellationToken cancellationToken);

    Task RemoveContainerAsync(string containerId, CancellationToken cancellationToken);
}
