using System.Text.Json;
using WebUI.DockerApi.Tests.Fixtures;
using WebUI.DockerApi.Tests.Support;

namespace WebUI.DockerApi.Tests.Exec;

/// <summary>docker exec and docker-py's exec API against a live server: conmon --exec + runc exec in a running busybox container.</summary>
public sealed class ExecCliTests(BusyboxServerFixture fixture) : IClassFixture<BusyboxServerFixture>
{
    private WebUIServer Server => fixture.Server;

    private async Task<string> RunSleeperAsync() =>
        (await Server.Docker("run", "-d", "busybox", "sleep", "1000")).EnsureSuccess().Stdout.Trim();

    [Fact]
    public async Task Exec_returns_output_streams_and_the_exit_code()
    {
        var id = await RunSleeperAsync();
        var r = await Server.Docker("exec", id, "sh", "-c", "echo out; echo err >&2; exit 3");
        Assert.Equal((3, "out\n"), (r.ExitCode, r.Stdout));
        Assert.Equal("err\n", r.Stderr);
        Assert.Equal(1, (await Server.Docker("exec", id, "false")).ExitCode);
        Assert.Equal((0, "hi\n"), ((await Server.Docker("exec", id, "echo", "hi")).ExitCode, (await Server.Docker("exec", id, "echo", "hi")).Stdout));
        await Server.Docker("rm", "-f", id);
    }

    [Fact]
    public async Task Exec_honours_user_workdir_and_env()
    {
        var id = (await Server.Docker("run", "-d", "-e", "KEEP=container", "-e", "OVER=container", "busybox", "sleep", "1000")).EnsureSuccess().Stdout.Trim();
        var r = (await Server.Docker("exec", "-u", "1234:5678", "-w", "/tmp", "-e", "OVER=exec", "-e", "NEW=1", id,
            "sh", "-c", "id -u; id -g; pwd; echo $KEEP $OVER $NEW")).EnsureSuccess();
        Assert.Equal("1234\n5678\n/tmp\ncontainer exec 1\n", r.Stdout);
        Assert.Equal("nobody\n", (await Server.Docker("exec", "-u", "nobody", id, "whoami")).EnsureSuccess().Stdout);
        Assert.Equal("root\n", (await Server.Docker("exec", id, "whoami")).EnsureSuccess().Stdout);
        var unknown = await Server.Docker("exec", "-u", "nosuchuser", id, "true");
        Assert.NotEqual(0, unknown.ExitCode);
        await Server.Docker("rm", "-f", id);
    }

    [Fact]
    public async Task Exec_detached_runs_in_the_background()
    {
        var id = await RunSleeperAsync();
        var r = (await Server.Docker("exec", "-d", id, "sh", "-c", "sleep 0.2; echo done > /tmp/flag")).EnsureSuccess();
        Assert.Equal("", r.Stdout);
        await Poll.UntilAsync(async () => (await Server.Docker("exec", id, "cat", "/tmp/flag")).Stdout == "done\n");
        await Server.Docker("rm", "-f", id);
    }

    [Fact]
    public async Task Exec_of_a_missing_command_exits_127_and_of_a_stopped_container_fails()
    {
        var id = await RunSleeperAsync();
        var missing = await Server.Docker("exec", id, "nosuchcommand");
        Assert.Equal(127, missing.ExitCode);
        Assert.Contains("executable file not found", missing.Stdout + missing.Stderr);
        (await Server.Docker("kill", id)).EnsureSuccess();
        var stopped = await Server.Docker("exec", id, "true");
        Assert.NotEqual(0, stopped.ExitCode);
        Assert.Contains("is not running", stopped.Stderr);
        await Server.Docker("rm", "-f", id);
    }

    [Fact]
    public async Task Exec_privileged_gets_every_capability_and_a_plain_exec_keeps_the_containers()
    {
        var id = (await Server.Docker("run", "-d", "--cap-drop", "CHOWN", "busybox", "sleep", "1000")).EnsureSuccess().Stdout.Trim();
        static ulong CapEff(string status) =>
            Convert.ToUInt64(status.Split('\n').Single(l => l.StartsWith("CapEff:", StringComparison.Ordinal))[7..].Trim(), 16);
        var plain = CapEff((await Server.Docker("exec", id, "cat", "/proc/self/status")).EnsureSuccess().Stdout);
        var privileged = CapEff((await Server.Docker("exec", "--privileged", id, "cat", "/proc/self/status")).EnsureSuccess().Stdout);
        const ulong chown = 1UL << 0, sysAdmin = 1UL << 21;
        Assert.Equal(0UL, plain & (chown | sysAdmin));
        Assert.Equal(chown | sysAdmin, privileged & (chown | sysAdmin));
        // The container's own dropped capability stays dropped for a plain exec: chown fails there and works privileged.
        Assert.NotEqual(0, (await Server.Docker("exec", id, "chown", "1:1", "/tmp")).ExitCode);
        (await Server.Docker("exec", "--privileged", id, "chown", "1:1", "/tmp")).EnsureSuccess();
        await Server.Docker("rm", "-f", id);
    }

    [Fact]
    public async Task Exec_i_passes_stdin_and_its_eof()
    {
        var id = await RunSleeperAsync();
        var r = await Server.DockerAsync(["exec", "-i", id, "wc", "-l"], stdin: "a\nb\nc\n");
        Assert.Equal((0, "3"), (r.ExitCode, r.Stdout.Trim()));
        await Server.Docker("rm", "-f", id);
    }

    [Fact]
    public async Task Exec_it_is_interactive_through_a_pseudo_terminal()
    {
        var id = await RunSleeperAsync();
        var env = new Dictionary<string, string>(Server.ClientEnvironment);
        var cmd = $"(sleep 1.5; echo 'tty; echo hi-from-exec; exit 4') | script -qefc 'docker exec -it {id} sh' /dev/null";
        var r = await ProcessRunner.RunAsync("/bin/sh", ["-c", cmd], env, timeout: TimeSpan.FromSeconds(60));
        Assert.Equal(4, r.ExitCode);
        Assert.Contains("hi-from-exec\r\n", r.Stdout);
        Assert.Matches(@"/dev/pts/\d+\r\n", r.Stdout);
        await Server.Docker("rm", "-f", id);
    }

    [Fact]
    public async Task Docker_py_exec_run_exec_start_socket_inspect_and_resize()
    {
        var id = await RunSleeperAsync();
        var code = """
import docker, socket, json, time
c = docker.DockerClient(base_url='unix://' + SOCK)
ct = c.containers.get(CID)
r = ct.exec_run('sh -c "echo out; exit 3"')
print(json.dumps([r.exit_code, r.output.decode()]))
r = ct.exec_run('sh -c "echo out; echo err >&2"', demux=True)
print(json.dumps([r.exit_code, r.output[0].decode(), r.output[1].decode()]))
api = c.api
e = api.exec_create(CID, 'cat', stdin=True)
s = api.exec_start(e['Id'], socket=True)
s._sock.sendall(b'hello\n')
s._sock.shutdown(socket.SHUT_WR)
data = b''
while True:
    chunk = s._sock.recv(4096)
    if not chunk: break
    data += chunk
print(json.dumps(data[8:].decode()))
i = api.exec_inspect(e['Id'])
print(json.dumps([i['ExitCode'], i['Running'], i['Pid'] > 0, i['ContainerID'] == ct.id, i['OpenStdin']]))
t = api.exec_create(CID, 'sh -c "sleep 1; stty size"', tty=True)
s = api.exec_start(t['Id'], socket=True)
time.sleep(0.3)
api.exec_resize(t['Id'], height=33, width=111)
data = b''
while True:
    chunk = s._sock.recv(4096)
    if not chunk: break
    data += chunk
print(json.dumps(data.decode().strip()))
""";
        var r = await Server.PythonAsync($"CID = {JsonSerializer.Serialize(id)}\n{code}");
        Assert.True(r.ExitCode == 0, r.ToString());
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("""[3, "out\n"]""", lines[0]);
        Assert.Equal("""[0, "out\n", "err\n"]""", lines[1]);
        Assert.Equal("\"hello\\n\"", lines[2]);
        Assert.Equal("[0, false, true, true, true]", lines[3]);
        Assert.Equal("\"33 111\"", lines[4]);
        await Server.Docker("rm", "-f", id);
    }
}
