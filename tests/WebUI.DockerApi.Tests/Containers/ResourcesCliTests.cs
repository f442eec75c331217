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
