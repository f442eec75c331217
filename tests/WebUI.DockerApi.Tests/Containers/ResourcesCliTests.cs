using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Containers;

/// <summary>Limits reach the container's cgroup (v1 here, v2 elsewhere) and hold.</summary>
public sealed class ResourcesCliTests(BusyboxServerFixture fixture) : IClassFixture<BusyboxServerFixture>
{
    private WebUIServer Server => fixture.Server;

    private static bool V2 => !Directory.Exists("/sys/fs/cgroup/memory");

    /// <summary>The value of a cgroup file of the container: v1 controller file or v2 unified file.</summary>
    private static string Cgroup(string id, string controller, string v1File, string v2File) =>
        File.ReadAllText(V2 ? $"/sys/fs/cgroup/webui/{id}/{v2File}" : $"/sys/fs/cgroup/{controller}/webui/{id}/{v1File}").Trim();

    [Fact]
    public async Task A_process_exceeding_memory_is_killed()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeSeconds().ToString();
        var r = await Server.DockerAsync(["run", "--rm", "-m", "16m", "busybox", "sh", "-c", "x=aaaaaaaaaaaaaaaa; while true; do x=$x$x; done"], timeout: TimeSpan.FromSeconds(90));
        Assert.Equal(137, r.ExitCode);

        // Kept (no --rm) so inspect can show the OOM kill; `docker events` shows the oom event before die.
        var name = "oom-" + Guid.NewGuid().ToString("N")[..8];
        r = await Server.DockerAsync(["run", "--name", name, "-m", "16m", "busybox", "sh", "-c", "x=aaaaaaaaaaaaaaaa; while true; do x=$x$x; done"], timeout: TimeSpan.FromSeconds(90));
        try
        {
            Assert.Equal(137, r.ExitCode);
            Assert.Equal("true 137", (await Server.Docker("inspect", "-f", "{{.State.OOMKilled}} {{.State.ExitCode}}", name)).EnsureSuccess().Stdout.Trim());
            var until = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString();
            var actions = (await Server.Docker("events", "--since", since, "--until", until, "--filter", $"container={name}", "--format", "{{.Action}}"))
                .EnsureSuccess().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains("oom", actions);
            Assert.True(Array.IndexOf(actions, "oom") < Array.IndexOf(actions, "die"), string.Join(",", actions));
        }
        finally
        {
            await Server.Docker("rm", "-f", name);
        }
    }

    /// <summary>The block device the root file system is on (/dev/vda on these machines), from mountinfo and /sys/dev/block.</summary>
    private static (string Path, string Numbers) RootBlockDevice()
    {
        var root = File.ReadLines("/proc/self/mountinfo").Select(l => l.Split(' ')).First(f => f[4] == "/");
        var numbers = root[2];
        var name = File.ReadLines($"/sys/dev/block/{numbers}/uevent").First(l => l.StartsWith("DEVNAME=", StringComparison.Ordinal))[8..];
        return ($"/dev/{name}", numbers);
    }

    [Fact]
    public async Task Block_io_throttles_reach_the_cgroup_and_inspect()
    {
        var (device, numbers) = RootBlockDevice();
        var name = "blkio-" + Guid.NewGuid().ToString("N")[..8];
        (await Server.Docker("run", "-d", "--name", name, "--network", "none", "--device-read-bps", $"{device}:1mb", "--device-write-bps", $"{device}:2mb",
            "--device-read-iops", $"{device}:300", "--device-write-iops", $"{device}:400", "busybox", "sleep", "60")).EnsureSuccess();
        try
        {
            var id = (await Server.Docker("inspect", "-f", "{{.Id}}", name)).EnsureSuccess().Stdout.Trim();
            if (V2)
            {
                Assert.Contains($"{numbers} rbps=1048576 wbps=2097152 riops=300 wiops=400", Cgroup(id, "", "", "io.max"));
            }
            else
            {
                Assert.Equal($"{numbers} 1048576", Cgroup(id, "blkio", "blkio.throttle.read_bps_device", ""));
                Assert.Equal($"{numbers} 2097152", Cgroup(id, "blkio", "blkio.throttle.write_bps_device", ""));
                Assert.Equal($"{numbers} 300", Cgroup(id, "blkio", "blkio.throttle.read_iops_device", ""));
                Assert.Equal($"{numbers} 400", Cgroup(id, "blkio", "blkio.throttle.write_iops_device", ""));
            }
            var inspect = (await Server.Docker("inspect", "-f", "{{json .HostConfig.BlkioDeviceWriteBps}} {{json .HostConfig.BlkioDeviceReadIOps}}", name)).EnsureSuccess().Stdout.Trim();
            Assert.Equal($"[{{\"Path\":\"{device}\",\"Rate\":2097152}}] [{{\"Path\":\"{device}\",\"Rate\":300}}]", inspect);
        }
        finally
        {
            await Server.Docker("rm", "-f", name);
        }

        // Not a block device, or no such path: a clear error at create, and no container.
        var bad = "blkio-bad-" + Guid.NewGuid().ToString("N")[..8];
        var r = await Server.Docker("create", "--name", bad, "--device-write-bps", "/dev/null:1mb", "busybox", "true");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("--device-write-bps: /dev/null is not a block device", r.Stderr);
        r = await Server.Docker("create", "--name", bad, "--device-read-iops", "/dev/no-such-disk:10", "busybox", "true");
        Assert.Contains("--device-read-iops: /dev/no-such-disk", r.Stderr);
        Assert.NotEqual(0, (await Server.Docker("inspect", bad)).ExitCode);
    }

    [Fact]
    public async Task A_weight_the_kernel_cannot_apply_is_discarded_with_dockers_warning()
    {
        var (device, _) = RootBlockDevice();
        var name = "blkw-" + Guid.NewGuid().ToString("N")[..8];
        var r = await Server.Docker("create", "--name", name, "--network", "none", "--blkio-weight", "300", "--blkio-weight-device", $"{device}:200", "busybox", "true");
        try
        {
            r.EnsureSuccess();
            var weights = (await Server.Docker("inspect", "-f", "{{.HostConfig.BlkioWeight}} {{len .HostConfig.BlkioWeightDevice}}", name)).EnsureSuccess().Stdout.Trim();
            // Without CFQ/BFQ (mq-deadline here) cgroup v1 has no weight files: dockerd warns and drops both; with them both stay.
            var v1NoWeights = !V2 && !File.Exists("/sys/fs/cgroup/blkio/blkio.weight") && !File.Exists("/sys/fs/cgroup/blkio/blkio.bfq.weight");
            if (v1NoWeights)
            {
                Assert.Contains("Your kernel does not support Block I/O weight or the cgroup is not mounted. Weight discarded.", r.Stderr);
                Assert.Equal("0 0", weights);
            }
            else
            {
                Assert.Equal("300 1", weights);
            }
            (await Server.Docker("start", "-a", name)).EnsureSuccess();
            // docker update the same way.
            var updated = await Server.Docker("update", "--blkio-weight", "400", name);
            updated.EnsureSuccess();
            var weight = (await Server.Docker("inspect", "-f", "{{.HostConfig.BlkioWeight}}", name)).EnsureSuccess().Stdout.Trim();
            if (v1NoWeights)
            {
                Assert.Contains("Your kernel does not support Block I/O weight or the cgroup is not mounted. Weight discarded.", updated.Stderr + updated.Stdout);
                Assert.Equal("0", weight);
            }
            else
            {
                Assert.Equal("400", weight);
            }
        }
        finally
        {
            await Server.Docker("rm", "-f", name);
        }
        // The CLI checks the range itself; docker-py sends what it is given, and the engine refuses it.
        var bad = await Server.PythonAsync($$"""
            import docker
            api = docker.APIClient(base_url='unix://' + SOCK)
            try:
                api.create_container('busybox', 'true', host_config=api.create_host_config(blkio_weight_device=[{'Path': '{{device}}', 'Weight': 5}]))
                print('created')
            except docker.errors.APIError as e:
                print(e.status_code, e.explanation)
            """);
        Assert.Contains($"400 invalid weight for device {device}: 5 (range is from 10 to 1000)", bad.Stdout);
    }

    [Fact]
    public async Task A_run_within_its_memory_limit_is_not_OOM_killed()
    {
        var name = "nooom-" + Guid.NewGuid().ToString("N")[..8];
        var r = await Server.Docker("run", "--name", name, "-m", "32m", "busybox", "sh", "-c", "exit 137");
        try
        {
            Assert.Equal(137, r.ExitCode);
            Assert.Equal("false 137", (await Server.Docker("inspect", "-f", "{{.State.OOMKilled}} {{.State.ExitCode}}", name)).EnsureSuccess().Stdout.Trim());
        }
        finally
        {
            await Server.Docker("rm", "-f", name);
        }
    }

    [Fact]
    public async Task Memory_and_cpus_and_pids_reach_the_cgroup_and_update_changes_them()
    {
        var id = (await Server.Docker("run", "-d", "-m", "32m", "--cpus", "0.5", "--pids-limit", "50", "--cpu-shares", "512", "busybox", "sleep", "300")).EnsureSuccess().Stdout.Trim();
        try
        {
            Assert.Equal((32 * 1024 * 1024).ToString(), Cgroup(id, "memory", "memory.limit_in_bytes", "memory.max"));
            if (V2) Assert.Equal("50000 100000", Cgroup(id, "cpu", "", "cpu.max"));
            else
            {
                Assert.Equal("50000", Cgroup(id, "cpu", "cpu.cfs_quota_us", ""));
                Assert.Equal("100000", Cgroup(id, "cpu", "cpu.cfs_period_us", ""));
                Assert.Equal("512", Cgroup(id, "cpu", "cpu.shares", ""));
            }
            Assert.Equal("50", Cgroup(id, "pids", "pids.max", "pids.max"));
            Assert.Equal((64 * 1024 * 1024).ToString(), (await Server.Docker("inspect", "-f", "{{.HostConfig.MemorySwap}}", id)).Stdout.Trim());

            (await Server.Docker("update", "-m", "48m", "--memory-swap", "96m", "--cpus", "1", "--pids-limit", "60", id)).EnsureSuccess();
            Assert.Equal((48 * 1024 * 1024).ToString(), Cgroup(id, "memory", "memory.limit_in_bytes", "memory.max"));
            Assert.Equal("60", Cgroup(id, "pids", "pids.max", "pids.max"));
            if (!V2) Assert.Equal("100000", Cgroup(id, "cpu", "cpu.cfs_quota_us", ""));
            Assert.Equal((48 * 1024 * 1024).ToString(), (await Server.Docker("inspect", "-f", "{{.HostConfig.Memory}}", id)).Stdout.Trim());
            Assert.Equal("1000000000", (await Server.Docker("inspect", "-f", "{{.HostConfig.NanoCpus}}", id)).Stdout.Trim());

            // A refused update changes nothing.
            var bad = await Server.Docker("update", "-m", "1m", id);
            Assert.Contains("Minimum memory limit allowed is 6MB", bad.Stderr);
            Assert.Equal((48 * 1024 * 1024).ToString(), Cgroup(id, "memory", "memory.limit_in_bytes", "memory.max"));
        }
        finally
        {
            await Server.Docker("rm", "-f", id);
        }
    }

    [Fact]
    public async Task Cpuset_reservation_and_oom_kill_disable_reach_the_cgroup()
    {
        var id = (await Server.Docker("run", "-d", "-m", "64m", "--memory-reservation", "32m", "--oom-kill-disable", "--cpuset-cpus", "0",
            "busybox", "sleep", "300")).EnsureSuccess().Stdout.Trim();
        try
        {
            Assert.Equal("0", Cgroup(id, "cpuset", "cpuset.cpus", "cpuset.cpus"));
            Assert.Equal((32 * 1024 * 1024).ToString(), Cgroup(id, "memory", "memory.soft_limit_in_bytes", "memory.low"));
            if (!V2) Assert.Contains("oom_kill_disable 1", Cgroup(id, "memory", "memory.oom_control", ""));
        }
        finally
        {
            await Server.Docker("rm", "-f", id);
        }
    }

    [Fact]
    public async Task Pids_limit_stops_a_fork_loop()
    {
        var r = await Server.DockerAsync(["run", "--rm", "--pids-limit", "8", "busybox", "sh", "-c",
            "n=0; while [ $n -lt 40 ]; do sleep 30 & n=$((n+1)); done; echo started $n"], timeout: TimeSpan.FromSeconds(90));
        Assert.DoesNotContain("started 40", r.Stdout);
        Assert.Contains("fork", r.Stderr);
    }

    [Fact]
    public async Task Ulimits_are_applied_and_bad_limits_are_refused()
    {
        var r = (await Server.Docker("run", "--rm", "--ulimit", "nofile=1024:2048", "busybox", "sh", "-c", "ulimit -n; ulimit -Hn")).EnsureSuccess();
        Assert.Equal("1024\n2048\n", r.Stdout);
        Assert.Contains("Minimum memoryswap limit should be larger than memory limit", (await Server.Docker("create", "-m", "64m", "--memory-swap", "32m", "busybox")).Stderr);
        Assert.Contains("Range of CPUs is from 0.01", (await Server.Docker("create", "--cpus", "64", "busybox")).Stderr);
        Assert.Contains("Requested CPUs are not available", (await Server.Docker("create", "--cpuset-cpus", "0-63", "busybox")).Stderr);
    }
}
