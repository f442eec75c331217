using WebUI.Engine.Stats;

namespace WebUI.Services;

/// <summary>One point of the stats charts, derived as the docker CLI derives its columns from two consecutive samples.</summary>
public sealed record StatsSample(
    DateTimeOffset Time, double CpuPercent, double MemoryBytes, double MemoryLimit,
    double NetRxPerSecond, double NetTxPerSecond, double BlockReadPerSecond, double BlockWritePerSecond)
{
    /// <summary>
    /// CPU: the container's share of the host's CPU time since the previous sample, times the online CPUs (100% = one
    /// core). Memory: usage without the inactive page cache. Rates: byte counters' growth per second since <paramref name="previous"/>.
    /// </summary>
    public static StatsSample From(ContainerStats current, ContainerStats? previous)
    {
        var cpuDelta = (double)current.CpuStats.CpuUsage.TotalUsage - current.PreCpuStats.CpuUsage.TotalUsage;
        var systemDelta = (double)current.CpuStats.SystemCpuUsage - current.PreCpuStats.SystemCpuUsage;
        var cpus = current.CpuStats.OnlineCpus > 0 ? current.CpuStats.OnlineCpus : (uint)(current.CpuStats.CpuUsage.PercpuUsage?.Count ?? 1);
        var cpu = cpuDelta > 0 && systemDelta > 0 ? cpuDelta / systemDelta * cpus * 100 : 0;

        var mem = current.MemoryStats;
        double cache = 0;
        if (mem.Stats is { } s)
            cache = s.TryGetValue("total_inactive_file", out var v1) && v1 < mem.Usage ? v1
                : s.TryGetValue("inactive_file", out var v2) && v2 < mem.Usage ? v2 : 0;

        var (rx, tx) = Network(current);
        var (read, write) = Block(current);
        double rxRate = 0, txRate = 0, readRate = 0, writeRate = 0;
        if (previous is not null && current.Read > previous.Read)
        {
            var seconds = (current.Read - previous.Read).TotalSeconds;
            var (prx, ptx) = Network(previous);
            var (pread, pwrite) = Block(previous);
            rxRate = Math.Max(0, rx - prx) / seconds;
            txRate = Math.Max(0, tx - ptx) / seconds;
            readRate = Math.Max(0, read - pread) / seconds;
            writeRate = Math.Max(0, write - pwrite) / seconds;
        }
        return new StatsSample(current.Read, cpu, mem.Usage - cache, mem.Limit, rxRate, txRate, readRate, writeRate);
    }

    private static (double Rx, double Tx) Network(ContainerStats s) =>
        ((double)(s.Networks?.Values.Sum(n => (decimal)n.RxBytes) ?? 0), (double)(s.Networks?.Values.Sum(n => (decimal)n.TxBytes) ?? 0));

    private static (double Read, double Write) Block(ContainerStats s)
    {
        var entries = s.BlkioStats.IoServiceBytesRecursive ?? [];
        return ((double)entries.Where(e => e.Op.Equals("read", StringComparison.OrdinalIgnoreCase)).Sum(e => (decimal)e.Value),
                (double)entries.Where(e => e.Op.Equals("write", StringComparison.OrdinalIgnoreCase)).Sum(e => (decimal)e.Value));
    }
}
