using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Containers;

/// <summary>What a container may do, checked from inside it with the real docker CLI.</summary>
public sealed class SecurityCliTests(BusyboxServerFixture fixture) : IClassFixture<BusyboxServerFixture>
{
    private WebUIServer Server => fixture.Server;

    private async Task<string> RunAsync(params string[] args) => (await Server.DockerAsync(["run", "--rm", .. args])).EnsureSuccess().Stdout;

    private static string Status(string status, string key) =>
        status.Split('\n').Single(l => l.StartsWith(key + ":", StringComparison.Ordinal)).Split(':', 2)[1].Trim();

    [Fact]
    public async Task Default_container_has_docker_capabilities_seccomp_filter_and_read_only_sys()
    {
        var status = await RunAsync("busybox", "cat", "/proc/self/status");
        Assert.Equal("00000000a80425fb", Status(status, "CapEff"));
        Assert.Equal("00000000a80425fb", Status(status, "CapBnd"));
        Assert.Equal("0000000000000000", Status(status, "CapInh"));
        Assert.Equal("2", Status(status, "Seccomp"));
        Assert.Equal("0", Status(status, "NoNewPrivs"));
        var r = await Server.Docker("run", "--rm", "busybox", "sh", "-c", "touch /sys/x || exit 9");
        Assert.Equal(9, r.ExitCode);
        Assert.Equal("", (await RunAsync("busybox", "cat", "/proc/timer_list")).Trim());
    }

    [Fact]
    public async Task Default_seccomp_blocks_a_syscall_with_eperm_and_masked_and_read_only_paths_hold()
    {
        // unshare(CLONE_NEWUSER) needs no capability from the kernel; Docker's default profile allows it only with
        // CAP_SYS_ADMIN: EPERM by default, allowed unconfined.
        var blocked = await Server.Docker("run", "--rm", "busybox", "unshare", "-U", "true");
        Assert.NotEqual(0, blocked.ExitCode);
        Assert.Contains("Operation not permitted", blocked.Stderr);
        (await Server.Docker("run", "--rm", "--security-opt", "seccomp=unconfined", "busybox", "unshare", "-U", "true")).EnsureSuccess();

        // Masked: /dev/null over the files, an empty read-only tmpfs over the directories (those this kernel has).
        var masked = await RunAsync("busybox", "sh", "-c", "cat /proc/mounts; echo \"firmware $(ls -A /sys/firmware | wc -l)\"; wc -c < /proc/timer_list");
        foreach (var p in new[] { "/proc/kcore", "/proc/keys", "/proc/timer_list", "/proc/sched_debug", "/proc/latency_stats", "/sys/firmware" }.Where(Path.Exists))
            Assert.Contains($" {p} ", masked);
        Assert.Contains("firmware 0\n0\n", masked);
        // Read-only: /proc/sys, /proc/sysrq-trigger, /proc/irq, /proc/bus are read-only mounts (those this kernel has).
        var ro = await RunAsync("busybox", "sh", "-c",
            "(echo x > /proc/sys/vm/overcommit_ratio) 2>/dev/null && echo written || echo refused; " +
            "grep -E ' /proc/(sys|sysrq-trigger|irq|bus) ' /proc/mounts | awk '{print $2, substr($4, 1, 2)}'");
        Assert.StartsWith("refused\n", ro);
        foreach (var p in new[] { "/proc/sys", "/proc/sysrq-trigger", "/proc/irq", "/proc/bus" }.Where(Path.Exists))
            Assert.Contains($"{p} ro\n", ro);
        // Privileged lifts them, as in Docker.
        Assert.Equal("", await RunAsync("--privileged", "busybox", "sh", "-c", "grep ' /proc/sys ' /proc/mounts; true"));
    }

    [Fact]
    public async Task Cap_drop_removes_the_capability_for_real()
    {
        Assert.Equal(0, (await Server.Docker("run", "--rm", "busybox", "chown", "1:1", "/tmp")).ExitCode);
        var r = await Server.Docker("run", "--rm", "--cap-drop", "CHOWN", "busybox", "chown", "1:1", "/tmp");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("Operation not permitted", r.Stderr);
    }

    [Fact]
    public async Task Seccomp_unconfined_no_new_privileges_and_privileged()
    {
        Assert.Equal("0", Status(await RunAsync("--security-opt", "seccomp=unconfined", "busybox", "cat", "/proc/self/status"), "Seccomp"));
        Assert.Equal("1", Status(await RunAsync("--security-opt", "no-new-privileges", "busybox", "cat", "/proc/self/status"), "NoNewPrivs"));
        var privileged = await RunAsync("--privileged", "busybox", "sh", "-c", "cat /proc/self/status; grep ' /sys ' /proc/mounts; ls /dev");
        Assert.Equal("0", Status(privileged, "Seccomp"));
        Assert.NotEqual("00000000a80425fb", Status(privileged, "CapEff"));
        Assert.Contains("sysfs /sys sysfs rw,", privileged);
        if (File.Exists("/dev/loop0")) Assert.Contains("loop0", privileged);
    }

    [Fact]
    public async Task A_profile_sent_by_the_cli_is_applied()
    {
        var profile = Path.Combine(Server.Root, "deny-mkdir.json");
        await File.WriteAllTextAsync(profile, """{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["mkdir","mkdirat"],"action":"SCMP_ACT_ERRNO"}]}""");
        var r = await Server.Docker("run", "--rm", "--security-opt", $"seccomp={profile}", "busybox", "mkdir", "/tmp/d");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("Operation not permitted", r.Stderr);
        await File.WriteAllTextAsync(profile, """{"defaultAction":"nope"}""");
        var bad = await Server.Docker("run", "--rm", "--security-opt", $"seccomp={profile}", "busybox", "true");
        Assert.Contains("Decoding seccomp profile failed", bad.Stderr);
    }

    [Fact]
    public async Task Read_only_rootfs_refuses_writes_but_tmpfs_and_shm_work()
    {
        var r = await Server.Docker("run", "--rm", "--read-only", "busybox", "touch", "/x");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("Read-only file system", r.Stderr);
        var mounts = await RunAsync("--read-only", "--tmpfs", "/run:size=1m,exec", "--shm-size", "8m", "busybox", "sh", "-c", "touch /run/ok && cat /proc/mounts");
        Assert.Matches(@"tmpfs /run tmpfs rw,nosuid,nodev,[^\n]*size=1024k", mounts);
        Assert.Matches(@"shm /dev/shm tmpfs [^\n]*size=8192k", mounts);
    }

    [Fact]
    public async Task User_and_group_add()
    {
        var ids = await RunAsync("--user", "1000:1001", "--group-add", "daemon", "--group-add", "4242", "busybox", "sh", "-c", "id -u; id -g; id -G");
        var lines = ids.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("1000", lines[0]);
        Assert.Equal("1001", lines[1]);
        Assert.Contains("1", lines[2].Split(' '));
        Assert.Contains("4242", lines[2].Split(' '));
        var missing = await Server.Docker("run", "--rm", "--group-add", "nosuchgroup", "busybox", "true");
        Assert.Contains("unable to find group nosuchgroup", missing.Stderr);
    }

    [Fact]
    public async Task Init_runs_as_pid_1_and_reaps()
    {
        var r = await RunAsync("--init", "busybox", "sh", "-c", "cat /proc/1/cmdline | tr '\\0' ' '");
        Assert.StartsWith("/sbin/docker-init -- sh -c", r);
    }

    [Fact]
    public async Task Sysctls_namespaced_only()
    {
        Assert.Equal("1", (await RunAsync("--sysctl", "net.ipv4.ip_forward=1", "busybox", "cat", "/proc/sys/net/ipv4/ip_forward")).Trim());
        Assert.Equal("4096", (await RunAsync("--sysctl", "kernel.msgmax=4096", "busybox", "cat", "/proc/sys/kernel/msgmax")).Trim());
        // The CLI checks names itself; the API must refuse on its own too.
        using var http = Server.CreateHttpClient();
        using var response = await http.PostAsync("/containers/create", new StringContent(
            """{"Image":"busybox","Cmd":["true"],"HostConfig":{"Sysctls":{"kernel.panic":"1"}}}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("sysctl 'kernel.panic' is not allowed", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Device_mapping_and_the_default_allow_list()
    {
        var r = await RunAsync("--device", "/dev/zero:/dev/myzero:r", "busybox", "sh", "-c", "head -c 3 /dev/myzero | wc -c; echo x > /dev/null && echo nullok");
        Assert.Equal("3\nnullok\n", r);
        // Creating a node is allowed (m), opening a device outside the list is not.
        var denied = await Server.Docker("run", "--rm", "busybox", "sh", "-c", "mknod /tmp/mem c 1 1 && head -c 1 /tmp/mem");
        Assert.NotEqual(0, denied.ExitCode);
        Assert.Contains("Operation not permitted", denied.Stderr);
        var bad = await Server.Docker("run", "--rm", "--device", "/etc/passwd", "busybox", "true");
        Assert.Contains("not a device node", bad.Stderr);
    }

    [Fact]
    public async Task Working_dir_under_proc_self_fd_is_refused()
    {
        var r = await Server.Docker("run", "--rm", "-w", "/proc/self/fd/7", "busybox", "pwd");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("CVE-2024-21626", r.Stderr);
        // The same through a symlink in the image's file system: refused at start, before runc sees it.
        var tar = Path.Combine(Server.Root, "escape.tar");
        await using (var file = File.Create(tar))
        await using (var writer = new System.Formats.Tar.TarWriter(file))
            await writer.WriteEntryAsync(new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.SymbolicLink, "escape") { LinkName = "/proc/self/fd/7" });
        (await Server.Docker("import", "--change", "CMD [\"/nothing\"]", tar, "escape:latest")).EnsureSuccess();
        var linked = await Server.Docker("run", "--rm", "-w", "/escape", "escape");
        Assert.NotEqual(0, linked.ExitCode);
        Assert.Contains("CVE-2024-21626", linked.Stderr);
    }

    [Fact]
    public async Task Invalid_security_options_change_nothing()
    {
        var before = (await Server.Docker("ps", "-aq")).Stdout;
        Assert.Contains("unknown capability", (await Server.Docker("create", "--cap-add", "NOPE", "busybox")).Stderr);
        Assert.Contains("invalid --security-opt", (await Server.Docker("create", "--security-opt", "bogus=1", "busybox")).Stderr);
        Assert.Contains("invalid ulimit type", (await Server.Docker("create", "--ulimit", "bogus=1:2", "busybox")).Stderr);
        Assert.Equal(before, (await Server.Docker("ps", "-aq")).Stdout);
    }
}
