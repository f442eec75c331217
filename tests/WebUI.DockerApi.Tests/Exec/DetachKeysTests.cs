using System.Text.Json;
using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Exec;

/// <summary>
/// Detach keys judged by the server (docker-py has no escape proxy of its own): on a terminal the sequence ends the
/// attach or exec session and the process runs on; bad keys are a 400 that creates nothing.
/// </summary>
public sealed class DetachKeysTests(BusyboxServerFixture fixture) : IClassFixture<BusyboxServerFixture>
{
    private WebUIServer Server => fixture.Server;

    private const string ReadUntil = """
import docker, socket, json, time
def read_until(sock, needle, limit=20):
    sock.settimeout(limit)
    data = b''
    while needle not in data:
        chunk = sock.recv(4096)
        if not chunk: break
        data += chunk
    return data
def read_to_eof(sock, limit=20):
    sock.settimeout(limit)
    data = b''
    while True:
        chunk = sock.recv(4096)
        if not chunk: return data
        data += chunk
api = docker.APIClient(base_url='unix://' + SOCK)
""";

    [Fact]
    public async Task The_default_sequence_detaches_an_exec_session_and_the_process_runs_on()
    {
        var name = "detach-" + Guid.NewGuid().ToString("N")[..8];
        (await Server.Docker("run", "-d", "--name", name, "busybox", "sleep", "1000")).EnsureSuccess();
        try
        {
            var code = ReadUntil + "\n" + """
e = api.exec_create(CID, 'sh', stdin=True, tty=True)
s = api.exec_start(e['Id'], socket=True, tty=True)
s._sock.sendall(b'echo a$((40+2))b\n')
print(json.dumps(b'a42b' in read_until(s._sock, b'a42b')))
# ctrl-p and ctrl-q in two writes: the server holds ctrl-p until it knows, then ends the session (EOF here).
s._sock.sendall(b'\x10')
time.sleep(0.2)
s._sock.sendall(b'\x11')
read_to_eof(s._sock)
print(json.dumps('eof'))
i = api.exec_inspect(e['Id'])
print(json.dumps([i['Running'], i['ExitCode']]))
""";
            var r = await Server.PythonAsync($"CID = {JsonSerializer.Serialize(name)}\n{code}");
            Assert.True(r.ExitCode == 0, r.ToString());
            var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("true", lines[0]);
            Assert.Equal("\"eof\"", lines[1]);
            // The shell is still there, not ended by the detach.
            Assert.Equal("[true, null]", lines[2]);
            var top = (await Server.Docker("top", name)).EnsureSuccess().Stdout;
            Assert.Contains(" sh", top);
        }
        finally
        {
            await Server.Docker("rm", "-f", name);
        }
    }

    [Fact]
    public async Task Custom_detach_keys_end_a_container_attach_and_the_container_runs_on()
    {
        var name = "detach-" + Guid.NewGuid().ToString("N")[..8];
        (await Server.Docker("run", "-dit", "--name", name, "busybox", "sh")).EnsureSuccess();
        try
        {
            var code = ReadUntil + "\n" + """
s = api.attach_socket(CID, params={'stdin': 1, 'stdout': 1, 'stream': 1, 'detachKeys': 'ctrl-x,x'})
s._sock.sendall(b'echo c$((6*7))d\n')
print(json.dumps(b'c42d' in read_until(s._sock, b'c42d')))
# The default sequence is no detach sequence here: it goes to the shell, and the session goes on.
s._sock.sendall(b'\x10\x11echo e$((6*7))f\n')
print(json.dumps(b'e42f' in read_until(s._sock, b'e42f')))
s._sock.sendall(b'\x18x')
read_to_eof(s._sock)
print(json.dumps(api.inspect_container(CID)['State']['Running']))
try:
    api.exec_create(CID, 'true', detach_keys='ctrl-1')
    print(json.dumps('created'))
except docker.errors.APIError as err:
    print(json.dumps([err.status_code, 'Invalid detach keys' in str(err)]))
""";
            var r = await Server.PythonAsync($"CID = {JsonSerializer.Serialize(name)}\n{code}");
            Assert.True(r.ExitCode == 0, r.ToString());
            var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(["true", "true", "true", "[400, true]"], lines);
            Assert.Equal("true", (await Server.Docker("inspect", "-f", "{{.State.Running}}", name)).EnsureSuccess().Stdout.Trim());
            // The container is as before: exec still works in it.
            (await Server.Docker("exec", name, "true")).EnsureSuccess();
        }
        finally
        {
            await Server.Docker("rm", "-f", name);
        }
    }
}
