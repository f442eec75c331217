using System.Text.Json;
using WebUI.Engine.Stats;

namespace WebUI.Engine.Tests.Stats;

/// <summary>
/// The reader against cgroup files as the kernel writes them, v2 (unified: this host runs v1, so its real cgroups cannot
/// show the v2 path) and v1's block IO (this kernel accounts no throttle IO unless a throttle is set, so a real container
/// reads 0): the mapping to Docker's stats shape, field by field.
/// </summary>
public sealed class CgroupFileLayoutTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("wt-cgfiles-").FullName;

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void Unified_v2_files_map_to_cpu_memory_pids_and_blkio_in_dockers_shape()
    {
        Write("cgroup.controllers", "cpuset cpu io memory pids\n");
        Write("webui/c1/cpu.stat", "usage_usec 2500\nuser_usec 1500\nsystem_usec 1000\nnr_periods 7\nnr_throttled 2\nthrottled_usec 30\n");
        Write("webui/c1/memory.current", "1048576\n");
        Write("webui/c1/memory.max", "33554432\n");
        Write("webui/c1/memory.stat", "anon 4096\nfile 8192\n");
        Write("webui/c1/pids.current", "3\n");
        Write("webui/c1/pids.max", "max\n");
        Write("webui/c1/io.stat", "8:0 rbytes=4096 wbytes=8192 rios=1 wios=2 dbytes=0 dios=0\n253:1 rbytes=0 wbytes=512 rios=0 wios=1 dbytes=0 dios=0\n");

        var reader = new CgroupStatsReader(_root);
        Assert.True(reader.IsV2);
        var s = reader.Read("/webui/c1", null, "c1", "web", null, DateTimeOffset.UnixEpoch);

        Assert.Equal(2_500_000UL, s.CpuStats.CpuUsage.TotalUsage);
        Assert.Equal(1_500_000UL, s.CpuStats.CpuUsage.UsageInUsermode);
        Assert.Equal(1_000_000UL, s.CpuStats.CpuUsage.UsageInKernelmode);
        Assert.Equal((7UL, 2UL, 30_000UL), (s.CpuStats.ThrottlingData.Periods, s.CpuStats.ThrottlingData.ThrottledPeriods, s.CpuStats.ThrottlingData.ThrottledTime));
        Assert.Equal((1048576UL, 33554432UL), (s.MemoryStats.Usage, s.MemoryStats.Limit));
        Assert.Equal(8192UL, s.MemoryStats.Stats!["file"]);
        Assert.Equal((3UL, 0UL), (s.PidsStats.Current, s.PidsStats.Limit));
        Assert.Null(s.Networks);

        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(s));
        var bytes = doc.RootElement.GetProperty("blkio_stats").GetProperty("io_service_bytes_recursive").EnumerateArray()
            .Select(e => $"{e.GetProperty("major").GetUInt64()}:{e.GetProperty("minor").GetUInt64()} {e.GetProperty("op").GetString()} {e.GetProperty("value").GetUInt64()}");
        Assert.Equal(["8:0 read 4096", "8:0 write 8192", "253:1 read 0", "253:1 write 512"], bytes);
        var ops = doc.RootElement.GetProperty("blkio_stats").GetProperty("io_serviced_recursive").EnumerateArray().Select(e => e.GetProperty("value").GetUInt64());
        Assert.Equal([1UL, 2UL, 0UL, 1UL], ops);
        Assert.False(doc.RootElement.TryGetProperty("networks", out _));
    }

    [Fact]
    public void V1_throttle_files_map_to_blkio_entries_per_device_and_op()
    {
        Write("blkio/webui/c1/blkio.throttle.io_service_bytes", "8:0 Read 4096\n8:0 Write 1048576\n8:0 Sync 0\n8:0 Async 1052672\n8:0 Discard 0\n8:0 Total 1052672\nTotal 1052672\n");
        Write("blkio/webui/c1/blkio.throttle.io_serviced", "8:0 Read 1\n8:0 Write 16\nTotal 17\n");
        Write("memory/webui/c1/memory.usage_in_bytes", "2048\n");

        var s = new CgroupStatsReader(_root).Read("/webui/c1", null, "c1", "web", null, DateTimeOffset.UnixEpoch);

        Assert.Equal(["Read 4096", "Write 1048576", "Sync 0", "Async 1052672", "Discard 0", "Total 1052672"],
            s.BlkioStats.IoServiceBytesRecursive!.Select(e => $"{e.Op} {e.Value}"));
        Assert.All(s.BlkioStats.IoServiceBytesRecursive!, e => Assert.Equal((8UL, 0UL), (e.Major, e.Minor)));
        Assert.Equal(["Read 1", "Write 16"], s.BlkioStats.IoServicedRecursive!.Select(e => $"{e.Op} {e.Value}"));
        Assert.Equal(2048UL, s.MemoryStats.Usage);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
