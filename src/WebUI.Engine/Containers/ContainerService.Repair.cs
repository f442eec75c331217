using WebUI.Engine.Errors;

namespace WebUI.Engine.Containers;

// Start-up repair of what a crash during a create leaves: the record, the writable layer and the network sandbox are
// written in one round (CreateAsync), so any of them may be missing while the others are on disk.
internal sealed partial class ContainerService
{
    /// <summary>The network request of a create, from the record's HostConfig and the create's endpoint settings.</summary>
    private static Networks.ContainerNetworkRequest NetworkRequest(ContainerRecord record, IReadOnlyDictionary<string, Networks.EndpointConfig> endpoints)
    {
        var host = record.HostConfig;
        var config = record.Config;
        return new Networks.ContainerNetworkRequest
        {
            ContainerId = record.Id, Name = record.Name, Hostname = config.Hostname, Domainname = config.Domainname,
            NetworkMode = host.NetworkMode, EndpointsConfig = endpoints,
            PortBindings = host.PortBindings, ExposedPorts = [.. (config.ExposedPorts ?? []).Keys], PublishAllPorts = host.PublishAllPorts,
            Dns = host.Dns ?? [], DnsSearch = host.DnsSearch ?? [], DnsOptions = host.DnsOptions ?? [], ExtraHosts = host.ExtraHosts ?? [],
        };
    }

    /// <summary>
    /// Removes what no container owns (a layer or sandbox whose create crashed before its record was durable, or whose
    /// removal's index write had not happened yet) and gives every container a missing writable layer (empty, over its
    /// image, as the create made it), network sandbox (from its HostConfig and the create's endpoint settings) or /etc files, so a container created
    /// before a crash still starts after it.
    /// </summary>
    private async Task RepairCreatesAsync(IReadOnlyCollection<string> brokenRecords, CancellationToken cancellationToken)
    {
        // An unreadable record still owns its layer and sandbox: they are kept for whoever looks at it.
        var owners = store.All().Select(r => r.Id).Concat(brokenRecords).ToHashSet(StringComparer.Ordinal);
        var layers = snapshots.ActiveKeys();
        foreach (var key in layers.Where(k => !owners.Contains(k)))
        {
            LogOrphanSnapshot(logger, key);
            await snapshots.RemoveAsync(key, cancellationToken);
        }
        foreach (var id in networks.SandboxOwners().Where(k => !owners.Contains(k)))
        {
            LogOrphanSandbox(logger, id);
            await networks.RemoveContainerAsync(id, cancellationToken);
        }
        var withLayer = layers.ToHashSet(StringComparer.Ordinal);
        foreach (var record in store.All())
        {
            try
            {
                if (!withLayer.Contains(record.Id))
                {
                    LogRepairedLayer(logger, record.Id);
                    var image = await images.GetAsync(record.Image, cancellationToken);
                    Directory.CreateDirectory(Paths.RootfsDir(record.Id));
                    await snapshots.PrepareAsync(record.Id, image.TopChainId, cancellationToken);
                }
                if (networks.Sandbox(record.Id) is null)
                {
                    // With the create's endpoint settings (aliases, a static address), which the record keeps for this.
                    LogRepairedSandbox(logger, record.Id);
                    await networks.ConfigureContainerAsync(NetworkRequest(record, record.CreateEndpoints), cancellationToken);
                }
                // Written without an fsync beside the record: a crash may leave them missing or empty.
                if (!File.Exists(record.HostnamePath) || new FileInfo(record.HostnamePath).Length == 0) WriteEtcFiles(record);
            }
            catch (EngineException e)
            {
                // Its image or network is gone: the container stays listed, and its start reports what is missing.
                LogRepairFailed(logger, record.Id, e);
            }
        }
    }
}
