using System.Text.Json;
using WebUI.Engine.Errors;
using WebUI.Engine.Runtime;

namespace WebUI.Engine.Containers;

// docker update.
internal sealed partial class ContainerService
{
    /// <summary>
    /// Changes a container's limits (and restart policy): validated as at create, applied to a running container with
    /// `runc update`, then saved. Nothing changes when validation or runc refuses.
    /// </summary>
    public async Task<IReadOnlyList<string>> UpdateAsync(string idOrName, ContainerUpdate update, CancellationToken cancellationToken)
    {
        var record = store.Get(idOrName);
        admission.AdmitChange(record, "update");
        var live = Live(record.Id);
        await live.Lock.WaitAsync(cancellationToken);
        try
        {
            if (live.Removed) throw EngineException.NotFound($"No such container: {idOrName}");
            if (update.KernelMemory != 0) throw EngineException.Invalid("kernel memory limits are not supported");
            var current = record.HostConfig;
            var h = JsonSerializer.Deserialize<HostConfig>(JsonSerializer.SerializeToUtf8Bytes(current))!;
            if (update.Memory != 0)
            {
                if (update.MemorySwap == 0 && current.MemorySwap > 0 && update.Memory > current.MemorySwap)
                    throw EngineException.Invalid("Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time");
                h.Memory = update.Memory;
            }
            if (update.MemorySwap != 0) h.MemorySwap = update.MemorySwap;
            if (update.MemoryReservation != 0) h.MemoryReservation = update.MemoryReservation;
            if (update.NanoCpus != 0) { h.NanoCpus = update.NanoCpus; h.CpuPeriod = 0; h.CpuQuota = 0; }
            if (update.CpuPeriod != 0) { h.CpuPeriod = update.CpuPeriod; h.NanoCpus = 0; }
            if (update.CpuQuota != 0) { h.CpuQuota = update.CpuQuota; h.NanoCpus = 0; }
            if (update.CpuShares != 0) h.CpuShares = update.CpuShares;
            if (update.CpusetCpus.Length > 0) h.CpusetCpus = update.CpusetCpus;
            if (update.CpusetMems.Length > 0) h.CpusetMems = update.CpusetMems;
            if (update.BlkioWeight != 0) h.BlkioWeight = update.BlkioWeight;
            if (update.PidsLimit is { } pids) h.PidsLimit = pids;
            ResourcesBuilder.Validate(h);
            // As dockerd: a weight this kernel cannot apply is dropped with a warning rather than kept as if it held.
            var warnings = BlockIo.DiscardUnsupported(h);
            if (update.RestartPolicy is { Name.Length: > 0 } policy)
            {
                if (policy.Name is not ("no" or "always" or "unless-stopped" or "on-failure"))
                    throw EngineException.Invalid($"invalid restart policy '{policy.Name}'");
                if (current.AutoRemove && policy.Name != "no")
                    throw EngineException.Invalid("Restart policy cannot be updated because AutoRemove is enabled for the container");
            }

            if (record.State.Running)
                await runtime.UpdateResourcesAsync(record.Id, ResourcesBuilder.Build(h, deviceRules: null), cancellationToken);

            current.Memory = h.Memory;
            current.MemorySwap = h.MemorySwap;
            current.MemoryReservation = h.MemoryReservation;
            current.NanoCpus = h.NanoCpus;
            current.CpuPeriod = h.CpuPeriod;
            current.CpuQuota = h.CpuQuota;
            current.CpuShares = h.CpuShares;
            current.CpusetCpus = h.CpusetCpus;
            current.CpusetMems = h.CpusetMems;
            current.BlkioWeight = h.BlkioWeight;
            current.PidsLimit = h.PidsLimit;
            if (update.RestartPolicy is { Name.Length: > 0 } p) current.RestartPolicy = p;
            store.Save(record);
            Publish(record, "update");
            LogUpdated(logger, record.Id);
            return warnings;
        }
        finally
        {
            live.Lock.Release();
        }
    }
}
