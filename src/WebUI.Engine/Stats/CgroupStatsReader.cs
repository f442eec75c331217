using System.Globalization;
using WebUI.Engine.Linux;

namespace WebUI.Engine.Stats;

/// <summary>
/// Reads a container's resource use from its cgroup, on cgroup v1 (one hierarchy per controller, as on these
/// hosts) and on unified v2, into Docker's stats shape. Missing files read as zero: a controller may not be mounted.
/// </summary>
public sealed class CgroupStatsReader(string cgroupRoot = "/sys/fs/cgroup")
{
    // USER_HZ is 100 on every Linux ABI .NET runs on: one tick is 10 ms.
    private const ulong NanosPerTick = 10_000_000;

    public bool IsV2 => File.Exists(Path.Combine(cgroupRoot, "cgroup.controllers"));

    /// <param name="cgroupPath">The container's cgroup below each hierarchy, e.g. "/webui/&lt;id&gt;".</param>
    /// <param name="pid">The container's init pid (for its network namespace's counters), or null when it is not running.</param>
    public ContainerStats Read(string cgroupPath, int? pid, string id, string name, ContainerStats? previous, DateTimeOffset now)
    {
        var (cpu, memory, pids, blkio) = IsV2 ? ReadV2(cgroupPath) : ReadV1(cgroupPath);
        cpu = cpu with { SystemCpuUsage = SystemCpuUsage(), OnlineCpus = (uint)Environment.ProcessorCount };
        return new ContainerStats
        {
            Read = now,
            PreRead = previous?.Read ?? default,
            Id = id,
            Name = "/" + name.TrimStart('/'),
            CpuStats = cpu,
            PreCpuStats = previous?.CpuStats ?? new CpuStats(),
            MemoryStats = memory,
            PidsStats = pids,
            BlkioStats = blkio,
            Networks = pid is null ? null : NetDev(pid.Value),
        };
    }

    private (CpuStats, MemoryStats, PidsStats, BlkioStats) ReadV1(string path)
    {
        string F(string controller, string file) => Path.Combine(cgroupRoot, controller, path.TrimStart('/'), file);
        var cpuacctStat = KeyValues(F("cpuacct", "cpuacct.stat"));
        var cpuStat = KeyValues(F("cpu", "cpu.stat"));
        var percpu = ReadText(F("cpuacct", "cpuacct.usage_percpu"))?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(ulong.Parse).ToList();
        var cpu = new CpuStats
        {
            CpuUsage = new CpuUsage
            {
                TotalUsage = ReadULong(F("cpuacct", "cpuacct.usage")),
                PercpuUsage = percpu,
                UsageInUsermode = Get(cpuacctStat, "user") * NanosPerTick,
                UsageInKernelmode = Get(cpuacctStat, "system") * NanosPerTick,
            },
            ThrottlingData = new ThrottlingData
            {
                Periods = Get(cpuStat, "nr_periods"),
                ThrottledPeriods = Get(cpuStat, "nr_throttled"),
                ThrottledTime = Get(cpuStat, "throttled_time"),
            },
        };
        var memory = new MemoryStats
        {
            Usage = ReadULong(F("memory", "memory.usage_in_bytes")),
            MaxUsage = ReadULong(F("memory", "memory.max_usage_in_bytes")),
            Failcnt = ReadULong(F("memory", "memory.failcnt")),
            Limit = CapToHost(ReadULong(F("memory", "memory.limit_in_bytes"))),
            Stats = KeyValues(F("memory", "memory.stat")),
        };
        var pids = new PidsStats { Current = ReadULong(F("pids", "pids.current")), Limit = ReadULong(F("pids", "pids.max")) };
        var blkio = new BlkioStats
        {
            IoServiceBytesRecursive = BlkioV1(F("blkio", "blkio.throttle.io_service_bytes")),
            IoServicedRecursive = BlkioV1(F("blkio", "blkio.throttle.io_serviced")),
        };
        return (cpu, memory, pids, blkio);
    }

    private (CpuStats, MemoryStats, PidsStats, BlkioStats) ReadV2(string path)
    {
        string F(string file) => Path.Combine(cgroupRoot, path.TrimStart('/'), file);
        var cpuStat = KeyValues(F("cpu.stat"));
        var cpu = new CpuStats
        {
            CpuUsage = new CpuUsage
            {
                TotalUsage = Get(cpuStat, "usage_usec") * 1000,
                UsageInUsermode = Get(cpuStat, "user_usec") * 1000,
                UsageInKernelmode = Get(cpuStat, "system_usec") * 1000,
            },
            ThrottlingData = new ThrottlingData
            {
                Periods = Get(cpuStat, "nr_periods"),
                ThrottledPeriods = Get(cpuStat, "nr_throttled"),
                ThrottledTime = Get(cpuStat, "throttled_usec") * 1000,
            },
        };
        var memory = new MemoryStats
        {
            Usage = ReadULong(F("memory.current")),
            Limit = CapToHost(ReadULong(F("memory.max"))),
            Stats = KeyValues(F("memory.stat")),
        };
        var pids = new PidsStats { Current = ReadULong(F("pids.current")), Limit = ReadULong(F("pids.max")) };
        var read = new List<BlkioEntry>();
        var ops = new List<BlkioEntry>();
        foreach (var line in ReadLines(F("io.stat")))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var dev = parts[0].Split(':');
            if (dev.Length != 2 || !ulong.TryParse(dev[0], out var major) || !ulong.TryParse(dev[1], out var minor)) continue;
            var kv = parts.Skip(1).Select(p => p.Split('=')).Where(p => p.Length == 2).ToDictionary(p => p[0], p => ulong.TryParse(p[1], out var v) ? v : 0);
            read.Add(new BlkioEntry(major, minor, "read", kv.GetValueOrDefault("rbytes")));
            read.Add(new BlkioEntry(major, minor, "write", kv.GetValueOrDefault("wbytes")));
            ops.Add(new BlkioEntry(major, minor, "read", kv.GetValueOrDefault("rios")));
            ops.Add(new BlkioEntry(major, minor, "write", kv.GetValueOrDefault("wios")));
        }
        return (cpu, memory, pids, new BlkioStats { IoServiceBytesRecursive = read, IoServicedRecursive = ops });
    }

    /// <summary>Host CPU time in nanoseconds from /proc/stat's first line, as dockerd computes system_cpu_usage.</summary>
    public static ulong SystemCpuUsage()
    {
        var line = File.ReadLines("/proc/stat").First();
        var ticks = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(ulong.Parse).Aggregate(0UL, (a, b) => a + b);
        return ticks * NanosPerTick;
    }

    /// <summary>Per-interface counters from the container's network namespace (loopback left out, as Docker does).</summary>
    public static Dictionary<string, NetworkStats>? NetDev(int pid)
    {
        var path = $"/proc/{pid}/net/dev";
        var result = new Dictionary<string, NetworkStats>();
        foreach (var line in ReadLines(path).Skip(2))
        {
            var colon = line.IndexOf(':');
            if (colon < 0) continue;
            var name = line[..colon].Trim();
            if (name == "lo") continue;
            var f = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => ulong.TryParse(v, out var u) ? u : 0).ToArray();
            if (f.Length < 12) continue;
            result[name] = new NetworkStats
            {
                RxBytes = f[0], RxPackets = f[1], RxErrors = f[2], RxDropped = f[3],
                TxBytes = f[8], TxPackets = f[9], TxErrors = f[10], TxDropped = f[11],
            };
        }
        return result;
    }

    private static List<BlkioEntry> BlkioV1(string file)
    {
        var entries = new List<BlkioEntry>();
        foreach (var line in ReadLines(file))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3) continue;
            var dev = parts[0].Split(':');
            if (dev.Length == 2 && ulong.TryParse(dev[0], out var major) && ulong.TryParse(dev[1], out var minor) && ulong.TryParse(parts[2], out var value))
                entries.Add(new BlkioEntry(major, minor, parts[1], value));
        }
        return entries;
    }

    private static ulong CapToHost(ulong limit)
    {
        var host = (ulong)HostFacts.MemTotalBytes;
        return limit == 0 || (host > 0 && limit > host) ? host : limit;
    }

    private static ulong Get(Dictionary<string, ulong> kv, string key) => kv.GetValueOrDefault(key);

    private static Dictionary<string, ulong> KeyValues(string file)
    {
        var result = new Dictionary<string, ulong>(StringComparer.Ordinal);
        foreach (var line in ReadLines(file))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var v)) result[parts[0]] = v;
        }
        return result;
    }

    /// <summary>A number file; "max" (no limit) and a missing file read as 0.</summary>
    private static ulong ReadULong(string file) =>
        ulong.TryParse(ReadText(file)?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;

    private static string? ReadText(string file)
    {
        try { return File.ReadAllText(file); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    private static IEnumerable<string> ReadLines(string file) =>
        ReadText(file)?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [];
}
