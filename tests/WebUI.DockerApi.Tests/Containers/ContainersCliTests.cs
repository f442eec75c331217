using System.Diagnostics;
using System.Text.Json;
using WebUI.DockerApi.Tests.Fixtures;
using WebUI.DockerApi.Tests.Support;

namespace WebUI.DockerApi.Tests.Containers;

/// <summary>The real docker CLI and docker-py against a live server running busybox containers through conmon + runc.</summary>
public sealed class ContainersCliTests(BusyboxServerFixture fixture) : IClassFixture<BusyboxServerFixture>
{
    private WebUIServer Server => fixture.Server;

    private static string Name() => "t" + Guid.NewGuid().ToString("N")[..10];

    private async Task<string> InspectAsync(string id, string format) => (await Server.Docker("inspect", "-f", format, id)).EnsureSuccess().Stdout.Trim();

    [Fact]
    public async Task Run_rm_prints_output_and_exits_0()
    {
        var r = await Server.Docker("run", "--rm", "busybox", "echo", "hi");
        Assert.Equal((0, "hi\n"), (r.ExitCode, r.Stdout));
    }

    [Fact]
    public async Task Run_rm_false_exits_1_and_removes_the_container()
    {
        var name = Name();
        var r = await Server.Docker("run", "--rm", "--name", name, "busybox", "false");
        Assert.Equal(1, r.ExitCode);
        Assert.NotEqual(0, (await Server.Docker("inspect", name)).ExitCode);
    }

    [Fact]
    public async Task Run_rm_is_gone_when_it_answers_and_leaves_no_files_behind()
    {
        var name = Name();
        var cidFile = Path.Combine(Server.Root, name + ".cid");
        var snapshotsBefore = Directory.EnumerateDirectories(Path.Combine(Server.DataRoot, "snapshots")).ToHashSet();
        var r = await Server.Docker("run", "--rm", "--name", name, "--cidfile", cidFile, "busybox", "sh", "-c", "echo data > /written; echo ok");
        Assert.Equal((0, "ok\n"), (r.ExitCode, r.Stdout));
        var id = (await File.ReadAllTextAsync(cidFile)).Trim();
        Assert.Matches("^[0-9a-f]{64}$", id);

        // By the answer: no container, its name free, no record on disk for a restart to find.
        Assert.NotEqual(0, (await Server.Docker("inspect", name)).ExitCode);
        Assert.False(Directory.Exists(Path.Combine(Server.DataRoot, "containers", id)));
        (await Server.Docker("create", "--name", name, "busybox", "true")).EnsureSuccess();
        (await Server.Docker("rm", name)).EnsureSuccess();

        // After it: runc's state, conmon's files, the container's directory and its writable layer are deleted too.
        string[] leftovers =
        [
            Path.Combine(Server.DataRoot, "tmp", "removed-" + id), Path.Combine(Server.ExecRoot, "runc", id),
            Path.Combine(Server.ExecRoot, "c", id), Path.Combine(Server.ExecRoot, "x", id),
        ];
        await Poll.UntilAsync(() => Task.FromResult(!leftovers.Any(p => Directory.Exists(p) || File.Exists(p))
            && Directory.EnumerateDirectories(Path.Combine(Server.DataRoot, "snapshots")).All(snapshotsBefore.Contains)),
            what: "the removed container's files deleted");
        // The snapshot index, written after the answer, no longer names its writable layer.
        await Poll.UntilAsync(async () => !(await File.ReadAllTextAsync(Path.Combine(Server.DataRoot, "snapshots", "metadata.json"))).Contains(id),
            what: "the snapshot index written without the removed container's layer");
    }

    [Fact]
    public async Task Run_separates_stdout_and_stderr()
    {
        var r = await Server.Docker("run", "--rm", "busybox", "sh", "-c", "echo out; echo err >&2; exit 3");
        Assert.Equal((3, "out\n"), (r.ExitCode, r.Stdout));
        Assert.Contains("err", r.Stderr);
    }

    [Fact]
    public async Task Run_i_passes_stdin_and_its_eof()
    {
        var r = await Server.DockerAsync(["run", "--rm", "-i", "busybox", "sh", "-c", "wc -l"], stdin: "a\nb\nc\n");
        Assert.Equal((0, "3"), (r.ExitCode, r.Stdout.Trim()));
    }

    [Fact]
    public async Task Detached_container_shows_in_ps_logs_and_inspect()
    {
        var name = Name();
        var id = (await Server.Docker("run", "-d", "--name", name, "--label", "suite=containers", "busybox", "sh", "-c", "echo one; echo two; echo three; sleep 100")).EnsureSuccess().Stdout.Trim();
        Assert.Matches("^[0-9a-f]{64}$", id);
        try
        {
            Assert.Contains(id[..12], (await Server.Docker("ps", "-q")).Stdout);
            Assert.Contains(id[..12], (await Server.Docker("ps", "-q", "--filter", "label=suite=containers")).Stdout);
            Assert.Contains(id[..12], (await Server.Docker("ps", "-q", "--filter", $"name={name}")).Stdout);
            Assert.DoesNotContain(id[..12], (await Server.Docker("ps", "-q", "--filter", "status=exited")).Stdout);
            Assert.Matches("^Up ", (await Server.Docker("ps", "--filter", $"id={id}", "--format", "{{.Status}}")).Stdout);

            await WaitForAsync(async () => (await Server.Docker("logs", id)).Stdout == "one\ntwo\nthree\n");
            Assert.Equal("three\n", (await Server.Docker("logs", "--tail", "1", name)).Stdout);
            var stamped = (await Server.Docker("logs", "--timestamps", "--tail", "1", name)).Stdout;
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z three\n$", stamped);
            Assert.Equal("", (await Server.Docker("logs", "--since", DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds().ToString(), name)).Stdout);

            Assert.Equal("running true", await InspectAsync(name, "{{.State.Status}} {{.State.Running}}"));
            Assert.Equal("/" + name, await InspectAsync(id, "{{.Name}}"));
            Assert.Equal("json-file", await InspectAsync(id, "{{.HostConfig.LogConfig.Type}}"));
            using var doc = JsonDocument.Parse((await Server.Docker("inspect", id)).EnsureSuccess().Stdout);
            Assert.True(doc.RootElement[0].GetProperty("State").GetProperty("Pid").GetInt32() > 0);
            Assert.Equal("sh", doc.RootElement[0].GetProperty("Path").GetString());
        }
        finally
        {
            await Server.Docker("rm", "-f", id);
        }
        Assert.DoesNotContain(id[..12], (await Server.Docker("ps", "-aq")).Stdout);
    }

    [Fact]
    public async Task Stop_sends_sigterm_then_sigkill_after_the_timeout()
    {
        // sh as pid 1 ignores SIGTERM: the stop must fall back to SIGKILL after -t seconds.
        var id = (await Server.Docker("run", "-d", "busybox", "sh", "-c", "sleep 100")).EnsureSuccess().Stdout.Trim();
        var sw = Stopwatch.StartNew();
        (await Server.Docker("stop", "-t", "2", id)).EnsureSuccess();
        Assert.InRange(sw.Elapsed.TotalSeconds, 1.8, 10);
        Assert.Equal("exited 137", await InspectAsync(id, "{{.State.Status}} {{.State.ExitCode}}"));

        // A process that handles SIGTERM ends at once with its own code.
        var trap = (await Server.Docker("run", "-d", "busybox", "sh", "-c", "trap 'exit 42' TERM; while true; do sleep 0.1; done")).EnsureSuccess().Stdout.Trim();
        sw.Restart();
        (await Server.Docker("stop", "-t", "10", trap)).EnsureSuccess();
        Assert.True(sw.Elapsed.TotalSeconds < 5, $"stop took {sw.Elapsed}");
        Assert.Equal("42", await InspectAsync(trap, "{{.State.ExitCode}}"));
        Assert.Contains("Exited (42)", (await Server.Docker("ps", "-a", "--filter", $"id={trap}", "--format", "{{.Status}}")).Stdout);
        Assert.Contains(trap[..12], (await Server.Docker("ps", "-aq", "--filter", "exited=42")).Stdout);
        await Server.Docker("rm", id, trap);
    }

    [Fact]
    public async Task Kill_with_a_signal_restart_and_wait()
    {
        var id = (await Server.Docker("run", "-d", "busybox", "sh", "-c", "trap 'exit 5' USR1; while true; do sleep 0.1; done")).EnsureSuccess().Stdout.Trim();
        var wait = Server.Docker("wait", id);
        await Task.Delay(300);
        (await Server.Docker("kill", "-s", "USR1", id)).EnsureSuccess();
        var waited = await wait;
        Assert.Equal((0, "5"), (waited.ExitCode, waited.Stdout.Trim()));

        (await Server.Docker("restart", "-t", "1", id)).EnsureSuccess();
        Assert.Equal("true", await InspectAsync(id, "{{.State.Running}}"));
        (await Server.Docker("kill", id)).EnsureSuccess();
        Assert.Equal("137", (await Server.Docker("wait", id)).Stdout.Trim());
        Assert.NotEqual(0, (await Server.Docker("kill", id)).ExitCode);
        (await Server.Docker("rm", id)).EnsureSuccess();
    }

    [Fact]
    public async Task Create_then_start_attach_and_rm_rules()
    {
        var name = Name();
        var id = (await Server.Docker("create", "--name", name, "busybox", "sh", "-c", "echo started; sleep 100")).EnsureSuccess().Stdout.Trim();
        Assert.Equal("created", await InspectAsync(id, "{{.State.Status}}"));
        Assert.Contains("Created", (await Server.Docker("ps", "-a", "--filter", $"id={id}", "--format", "{{.Status}}")).Stdout);

        var conflict = await Server.Docker("create", "--name", name, "busybox", "true");
        Assert.NotEqual(0, conflict.ExitCode);
        Assert.Contains($"The container name \"/{name}\" is already in use by container \"{id}\"", conflict.Stderr);

        (await Server.Docker("start", name)).EnsureSuccess();
        await WaitForAsync(async () => (await Server.Docker("logs", name)).Stdout == "started\n");
        var rm = await Server.Docker("rm", name);
        Assert.NotEqual(0, rm.ExitCode);
        Assert.Contains("running", rm.Stderr);
        (await Server.Docker("rm", "-f", name)).EnsureSuccess();
        Assert.Contains("No such container", (await Server.Docker("container", "inspect", name)).Stderr);
    }

    [Fact]
    public async Task Start_attach_streams_the_output_and_returns_the_exit_code()
    {
        var id = (await Server.Docker("create", "busybox", "sh", "-c", "echo attached; exit 4")).EnsureSuccess().Stdout.Trim();
        var r = await Server.Docker("start", "-a", id);
        Assert.Equal((4, "attached\n"), (r.ExitCode, r.Stdout));
        // Start again: a second run appends to the log.
        Assert.Equal(4, (await Server.Docker("start", "-a", id)).ExitCode);
        Assert.Equal("attached\nattached\n", (await Server.Docker("logs", id)).Stdout);
        await Server.Docker("rm", id);
    }

    [Fact]
    public async Task Attach_to_a_running_container_sends_stdin_and_gets_output()
    {
        // run -d -i keeps stdin open across attaches (conmon --leave-stdin-open), so the script ends itself.
        var id = (await Server.Docker("run", "-d", "-i", "busybox", "sh", "-c", "while read l; do echo got $l; [ $l = y ] && exit 0; done")).EnsureSuccess().Stdout.Trim();
        var r = await Server.DockerAsync(["attach", id], stdin: "x\ny\n", timeout: TimeSpan.FromSeconds(30));
        Assert.Equal((0, "got x\ngot y\n"), (r.ExitCode, r.Stdout));
        await Server.Docker("rm", "-f", id);
    }

    [Fact]
    public async Task Logs_follow_streams_until_the_container_exits()
    {
        var id = (await Server.Docker("run", "-d", "busybox", "sh", "-c", "for i in 1 2 3; do echo $i; sleep 0.3; done")).EnsureSuccess().Stdout.Trim();
        var r = await Server.DockerAsync(["logs", "-f", id], timeout: TimeSpan.FromSeconds(30));
        Assert.Equal((0, "1\n2\n3\n"), (r.ExitCode, r.Stdout));
        await Server.Docker("rm", id);
    }

    [Fact]
    public async Task Host_network_sees_the_hosts_interfaces_and_none_only_lo()
    {
        // The host's own network namespace (counting links raced with other tests' veths coming and going).
        var hostNetNs = new FileInfo("/proc/self/ns/net").LinkTarget;
        var host = (await Server.Docker("run", "--rm", "--network", "host", "busybox", "readlink", "/proc/self/ns/net")).EnsureSuccess();
        Assert.Equal(hostNetNs, host.Stdout.Trim());
        var hostLo = (await Server.Docker("run", "--rm", "--network", "host", "busybox", "ls", "/sys/class/net")).EnsureSuccess();
        Assert.Contains("lo", hostLo.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var none = (await Server.Docker("run", "--rm", "--network", "none", "busybox", "ls", "/sys/class/net")).EnsureSuccess();
        Assert.Equal("lo", none.Stdout.Trim());
        // The default is the `bridge` network: lo and eth0.
        var byDefault = (await Server.Docker("run", "--rm", "busybox", "ip", "-o", "link")).EnsureSuccess();
        Assert.Equal(2, byDefault.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("eth0", byDefault.Stdout);
    }

    [Fact]
    public async Task Run_it_through_a_pseudo_terminal()
    {
        // script(1) gives the CLI a real terminal; -e returns the child's exit code.
        var env = new Dictionary<string, string>(Server.ClientEnvironment);
        var cmd = "(sleep 2; echo 'echo hi-from-tty; exit 3') | script -qefc 'docker run --rm -it busybox sh' /dev/null";
        var r = await ProcessRunner.RunAsync("/bin/sh", ["-c", cmd], env, timeout: TimeSpan.FromSeconds(60));
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("hi-from-tty\r\n", r.Stdout);
    }

    [Fact]
    public async Task Docker_py_runs_a_container()
    {
        var r = await Server.PythonAsync("import docker\nc = docker.DockerClient(base_url='unix://' + SOCK)\nprint(c.containers.run('busybox', 'echo hi', remove=True))");
        Assert.Equal((0, "b'hi\\n'"), (r.ExitCode, r.Stdout.Trim()));
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met in 10 s");
            await Task.Delay(100);
        }
    }
}
