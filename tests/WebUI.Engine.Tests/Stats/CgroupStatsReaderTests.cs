using System.Diagnostics;
using System.Text.Json;
using WebUI.Engine.Stats;

namespace WebUI.Engine.Tests.Stats;

/// <summary>Reads a real cgroup (v1 here, v2 on unified hosts) that the test makes, puts a busy process in, and removes.</summary>
public sealed class CgroupStatsReaderTests : IDisposable
{
    private static readonly string[] V1Controllers = ["memory", "cpu", "cpuacct", "pids", "blkio"];
    private readonly CgroupStatsReader _reader = new();
    private readonly string _path = "/wt-stats-" + Guid.NewGuid().ToString("N")[..8];
    private Process? _process;

    private IEnumerable<string> Dirs => _reader.IsV2
        ? [Path.Combine("/sys/fs/cgroup", _path.TrimStart('/'))]
        : V1Controllers.Select(c => Path.Combine("/sys/fs/cgroup", c, _path.TrimStart('/')));

    [Fact]
    public async Task Stats_of_a_busy_process_show_its_cpu_memory_limit_and_pids()
    {
        foreach (var d in Dirs) Directory.CreateDirectory(d);
        if (_reader.IsV2)
        {
            File.WriteAllText(Path.Combine(Dirs.Single(), "memory.max"), "67108864");
            File.WriteAllText(Path.Combine(Dirs.Single(), "pids.max"), "50");
        }
        else
        {
            File.WriteAllText($"/sys/fs/cgroup/memory{_path}/memory.limit_in_bytes", "67108864");
            File.WriteAllText($"/sys/fs/cgroup/pids{_path}/pids.max", "50");
        }

        // The shell waits a moment, so it is in the cgroup before it starts burning CPU and fills a 2 MB variable
        // (cgroup v1 charges only pages touched after the move: without it, usage could read 0).
        _process = Process.Start("/bin/busybox", ["sh", "-c", "sleep 0.3; x=$(head -c 2000000 /dev/zero | tr '\\0' a); i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; sleep 60"]);
        foreach (var d in Dirs) File.WriteAllText(Path.Combine(d, "cgroup.procs"), _process.Id.ToString());

        var first = _reader.Read(_path, _process.Id, "abc", "busy", null, DateTimeOffset.UtcNow);
        await Task.Delay(1500);
        var second = _reader.Read(_path, _process.Id, "abc", "busy", first, DateTimeOffset.UtcNow);
        // On a loaded machine the loop may not have had the CPU yet: read again (each read's pre-sample is `first`).
        for (var i = 0; i < 20 && second.CpuStats.CpuUsage.TotalUsage <= first.CpuStats.CpuUsage.TotalUsage; i++)
        {
            await Task.Delay(500);
            second = _reader.Read(_path, _process.Id, "abc", "busy", first, DateTimeOffset.UtcNow);
        }

        Assert.Equal(67108864UL, second.MemoryStats.Limit);
        Assert.True(second.MemoryStats.Usage > 0);
        Assert.Equal(50UL, second.PidsStats.Limit);
        Assert.True(second.PidsStats.Current >= 1);
        Assert.True(second.CpuStats.CpuUsage.TotalUsage > first.CpuStats.CpuUsage.TotalUsage, "the busy loop must show as CPU time");
        Assert.True(second.CpuStats.SystemCpuUsage > first.CpuStats.SystemCpuUsage);
        Assert.Equal(first.CpuStats.CpuUsage.TotalUsage, second.PreCpuStats.CpuUsage.TotalUsage);
        Assert.Equal("/busy", second.Name);

        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(second));
        Assert.True(doc.RootElement.GetProperty("cpu_stats").GetProperty("cpu_usage").GetProperty("total_usage").GetUInt64() > 0);
        Assert.True(doc.RootElement.TryGetProperty("precpu_stats", out _));
    }

    public void Dispose()
    {
        if (_process is { HasExited: false }) { _process.Kill(); _process.WaitForExit(); }
        _process?.Dispose();
        foreach (var d in Dirs)
        {
            for (var i = 0; i < 50 && Directory.Exists(d); i++)
            {
                try { Directory.Delete(d); }
                catch (IOException) { Thread.Sleep(20); }
            }
        }
    }
}
