using System.Text.Json.Nodes;
using WebUI.Engine.Containers;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Runtime;

/// <summary>
/// linux.resources from HostConfig: memory, cpu (NanoCpus → quota/period), cpuset, pids, block IO (<see cref="BlockIo"/>) and the device
/// rules. runc writes them under the container's cgroup (v1 controllers or the v2 unified tree) at create and on
/// `runc update`. Validation follows dockerd's verifyPlatformContainerResources wording.
/// </summary>
internal static class ResourcesBuilder
{
    public const long DefaultCpuPeriod = 100_000;
    private const long MinMemory = 6 * 1024 * 1024;

    /// <summary>Rejects limits Docker rejects; changes nothing.</summary>
    public static void Validate(HostConfig h)
    {
        if (h.Memory < 0) throw EngineException.Invalid("invalid memory limit: must be positive");
        if (h.Memory > 0 && h.Memory < MinMemory) throw EngineException.Invalid("Minimum memory limit allowed is 6MB");
        if (h.MemorySwap > 0 && h.Memory == 0)
            throw EngineException.Invalid("You should always set the Memory limit when using Memoryswap limit, see usage");
        if (h.MemorySwap > 0 && h.MemorySwap < h.Memory)
            throw EngineException.Invalid("Minimum memoryswap limit should be larger than memory limit, see usage");
        if (h.MemorySwap < -1) throw EngineException.Invalid("invalid memory swap limit: use -1 for unlimited");
        if (h.MemoryReservation < 0) throw EngineException.Invalid("invalid memory reservation: must be positive");
        if (h.Memory > 0 && h.MemoryReservation > 0 && h.MemoryReservation > h.Memory)
            throw EngineException.Invalid("Minimum memory limit can not be less than memory reservation limit, see usage");
        if (h.MemoryReservation > 0 && h.MemoryReservation < MinMemory) throw EngineException.Invalid("Minimum memory reservation allowed is 6MB");
        if (h.NanoCpus > 0 && h.CpuPeriod > 0) throw EngineException.Invalid("Conflicting options: Nano CPUs and CPU Period cannot both be set");
        if (h.NanoCpus > 0 && h.CpuQuota > 0) throw EngineException.Invalid("Conflicting options: Nano CPUs and CPU Quota cannot both be set");
        var cpus = Environment.ProcessorCount;
        if (h.NanoCpus < 0 || h.NanoCpus > cpus * 1_000_000_000L || (h.NanoCpus > 0 && h.NanoCpus < 10_000_000))
            throw EngineException.Invalid($"Range of CPUs is from 0.01 to {cpus}.00, as there are only {cpus} CPUs available");
        if (h.CpuPeriod != 0 && (h.CpuPeriod < 1000 || h.CpuPeriod > 1_000_000))
            throw EngineException.Invalid("CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)");
        if (h.CpuQuota > 0 && h.CpuQuota < 1000) throw EngineException.Invalid("CPU cfs quota can not be less than 1ms (i.e. 1000)");
        if (h.CpuShares < 0) throw EngineException.Invalid("invalid CPU shares: must be positive");
        if (h.BlkioWeight > 0 && (h.BlkioWeight < 10 || h.BlkioWeight > 1000)) throw EngineException.Invalid("Range of blkio weight is from 10 to 1000");
        BlockIo.Validate(h);
        ValidateCpuset(h.CpusetCpus, "/sys/devices/system/cpu/online", "CPUs");
        ValidateCpuset(h.CpusetMems, "/sys/devices/system/node/online", "memory nodes");
    }

    /// <summary>Docker's create-time default: with a memory limit and no swap limit, swap may equal the memory (total = 2 × memory).</summary>
    public static void ApplyDefaults(HostConfig h)
    {
        if (h.Memory > 0 && h.MemorySwap == 0) h.MemorySwap = h.Memory * 2;
    }

    /// <summary>The resources object of the spec (with device rules) or of `runc update -r` (without).</summary>
    public static JsonObject Build(HostConfig h, JsonArray? deviceRules)
    {
        var r = new JsonObject();
        if (deviceRules is not null) r["devices"] = deviceRules;

        var memory = new JsonObject();
        if (h.Memory > 0) memory["limit"] = h.Memory;
        if (h.MemoryReservation > 0) memory["reservation"] = h.MemoryReservation;
        if (h.MemorySwap != 0 && (h.Memory > 0 || h.MemorySwap == -1)) memory["swap"] = h.MemorySwap;
        if (h.OomKillDisable == true) memory["disableOOMKiller"] = true;
        if (memory.Count > 0) r["memory"] = memory;

        var cpu = new JsonObject();
        if (h.CpuShares > 0) cpu["shares"] = h.CpuShares;
        if (h.NanoCpus > 0)
        {
            cpu["period"] = DefaultCpuPeriod;
            cpu["quota"] = h.NanoCpus * DefaultCpuPeriod / 1_000_000_000L;
        }
        else
        {
            if (h.CpuPeriod > 0) cpu["period"] = h.CpuPeriod;
            if (h.CpuQuota != 0) cpu["quota"] = h.CpuQuota;
        }
        if (h.CpusetCpus.Length > 0) cpu["cpus"] = h.CpusetCpus;
        if (h.CpusetMems.Length > 0) cpu["mems"] = h.CpusetMems;
        if (cpu.Count > 0) r["cpu"] = cpu;

        // 0 and -1 mean unlimited in Docker; runc treats a missing pids object as "leave alone".
        if (h.PidsLimit > 0) r["pids"] = new JsonObject { ["limit"] = h.PidsLimit };
        else if (deviceRules is null && h.PidsLimit < 0) r["pids"] = new JsonObject { ["limit"] = -1 };
        // Per-device weights and throttles only in the spec: `docker update` changes the weight alone, as in Docker.
        if (BlockIo.Build(h, withDevices: deviceRules is not null) is { } blockIo) r["blockIO"] = blockIo;
        return r;
    }

    private static void ValidateCpuset(string value, string onlineFile, string what)
    {
        if (value.Length == 0) return;
        var requested = ParseList(value) ?? throw EngineException.Invalid($"Invalid value {value} for cpuset {what}");
        string online;
        try { online = File.ReadAllText(onlineFile).Trim(); }
        catch (IOException) { return; }
        var available = ParseList(online) ?? [];
        if (!requested.IsSubsetOf(available))
            throw EngineException.Invalid($"Requested {what} are not available - requested {value}, available: {online}");
    }

    /// <summary>"0-2,4" → {0,1,2,4}; null when malformed.</summary>
    public static HashSet<int>? ParseList(string list)
    {
        var set = new HashSet<int>();
        foreach (var part in list.Split(','))
        {
            var dash = part.IndexOf('-');
            if (dash < 0)
            {
                if (!int.TryParse(part, out var n) || n < 0) return null;
                set.Add(n);
                continue;
            }
            if (!int.TryParse(part[..dash], out var a) || !int.TryParse(part[(dash + 1)..], out var b) || a < 0 || b < a || b - a > 4096) return null;
            for (var i = a; i <= b; i++) set.Add(i);
        }
        return set;
    }
}
