using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WebUI.Engine.Containers;
using WebUI.Engine.Runtime;

namespace WebUI.Engine.Tests.Runtime;

/// <summary>Real kernel: a busybox bundle run by conmon + runc, its output read back from the CRI log.</summary>
public sealed class ConmonRuntimeTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine("/tmp/wt", "rt" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _id = ContainerNames.NewId();
    private ConmonRuntime _runtime = null!;

    public Task InitializeAsync()
    {
        var options = Options.Create(new EngineOptions { DataRoot = Path.Combine(_root, "data"), ExecRoot = Path.Combine(_root, "run") });
        _runtime = new ConmonRuntime(options, NullLogger<ConmonRuntime>.Instance);
        _runtime.EnsureDirectories();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _runtime.DeleteAsync(_id, force: true, CancellationToken.None);
        _runtime.RemoveExecState(_id);
        Directory.Delete(_root, recursive: true);
    }

    private void BuildBusyboxBundle(params string[] command)
    {
        var rootfs = _runtime.Paths.RootfsDir(_id);
        foreach (var d in new[] { "bin", "etc", "proc", "sys", "dev", "tmp" }) Directory.CreateDirectory(Path.Combine(rootfs, d));
        File.Copy("/bin/busybox", Path.Combine(rootfs, "bin/busybox"));
        var list = Process.Start(new ProcessStartInfo("/bin/busybox", "--list") { RedirectStandardOutput = true })!;
        foreach (var applet in list.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            if (applet != "busybox") File.CreateSymbolicLink(Path.Combine(rootfs, "bin", applet), "busybox");
        list.WaitForExit();
        File.WriteAllText(Path.Combine(rootfs, "etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");

        var record = new ContainerRecord
        {
            Id = _id, Name = "/rt", Image = "sha256:none", Path = command[0], Args = [.. command[1..]],
            Config = new ContainerConfig { Env = ["GREETING=hello"] }, HostConfig = new HostConfig { NetworkMode = "none" },
        };
        var spec = OciSpecBuilder.Build(record, UserResolver.Resolve("root", rootfs), new OciSpecBuilder.EtcFiles(null, null, null), $"/webui-test/{_id}");
        File.WriteAllText(_runtime.Paths.SpecFile(_id), spec.ToJsonString());
    }

    private async Task<int> WaitForExitAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_runtime.ReadExitCode(_id) is { } code) return code;
            await Task.Delay(50);
        }
        throw new TimeoutException("no exit file");
    }

    private string Log(LogStream stream) => string.Concat(File.ReadAllLines(_runtime.Paths.LogFile(_id))
        .Select(l => CriLogParser.TryParse(l, out var e) && e.Stream == stream ? Encoding.UTF8.GetString(e.Data.Span) : ""));

    [Fact]
    public async Task Conmon_gets_PATH_and_its_pipes_but_not_the_servers_environment()
    {
        // What the server's environment may hold (a bootstrap password, a locale) must not reach conmon and runc.
        Environment.SetEnvironmentVariable("WEBUI_TEST_SECRET", "do-not-pass");
        Environment.SetEnvironmentVariable("LC_ALL", "C.UTF-8");
        try
        {
            BuildBusyboxBundle("/bin/sleep", "30");
            await _runtime.CreateAsync(_id, tty: false, openStdin: false, stdinOnce: false, CancellationToken.None);
            var conmon = _runtime.ConmonPid(_id);
            Assert.True(conmon > 0);
            var environ = File.ReadAllText($"/proc/{conmon}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries)
                .Select(e => e.Split('=', 2)[0]).ToHashSet();
            Assert.Contains("PATH", environ);
            Assert.Contains("_OCI_SYNCPIPE", environ);
            Assert.DoesNotContain("WEBUI_TEST_SECRET", environ);
            Assert.DoesNotContain("LC_ALL", environ);
            Assert.DoesNotContain("LANG", environ);
            // The container runs as before: its environment comes from its spec, not from conmon.
            await _runtime.StartAsync(_id, CancellationToken.None);
            Assert.Equal("running", (await _runtime.StateAsync(_id, CancellationToken.None))?.Status);
        }
        finally
        {
            Environment.SetEnvironmentVariable("WEBUI_TEST_SECRET", null);
            Environment.SetEnvironmentVariable("LC_ALL", null);
        }
    }

    [Fact]
    public async Task BusyboxRuns_OutputIsLogged_ExitCodeIsRecorded()
    {
        BuildBusyboxBundle("/bin/sh", "-c", "echo $GREETING from $(hostname); echo oops >&2; exit 7");
        var pid = await _runtime.CreateAsync(_id, tty: false, openStdin: false, stdinOnce: false, CancellationToken.None);
        Assert.True(pid > 0);
        Assert.Equal("created", (await _runtime.StateAsync(_id, CancellationToken.None))?.Status);
        await _runtime.StartAsync(_id, CancellationToken.None);
        Assert.Equal(7, await WaitForExitAsync());
        Assert.Equal($"hello from {_id[..12]}\n", Log(LogStream.Stdout));
        Assert.Equal("oops\n", Log(LogStream.Stderr));
    }

    [Fact]
    public async Task Kill_EndsTheContainer_With137()
    {
        BuildBusyboxBundle("/bin/sleep", "100");
        await _runtime.CreateAsync(_id, tty: false, openStdin: false, stdinOnce: false, CancellationToken.None);
        await _runtime.StartAsync(_id, CancellationToken.None);
        Assert.Equal("running", (await _runtime.StateAsync(_id, CancellationToken.None))?.Status);
        Assert.True(await _runtime.KillAsync(_id, 9, CancellationToken.None));
        Assert.Equal(137, await WaitForExitAsync());
    }

    [Fact]
    public async Task MissingExecutable_FailsCreate_WithRuncsReason()
    {
        BuildBusyboxBundle("/nope");
        var e = await Assert.ThrowsAsync<WebUI.Engine.Errors.EngineException>(() =>
            _runtime.CreateAsync(_id, tty: false, openStdin: false, stdinOnce: false, CancellationToken.None));
        Assert.Contains("nope", e.Message);
    }
    [Fact]
    public async Task ExecFifo_ReleasesTheCreatedContainer_WithoutRunc_AndRemovesTheFifo()
    {
        BuildBusyboxBundle("/bin/sh", "-c", "echo started; exit 4");
        await _runtime.CreateAsync(_id, tty: false, openStdin: false, stdinOnce: false, CancellationToken.None);
        var stateDir = Path.Combine(_runtime.Paths.RuncRoot, _id);
        Assert.True(File.Exists(Path.Combine(stateDir, ExecFifo.FileName)));

        Assert.True(await ExecFifo.TryStartAsync(stateDir, TimeSpan.FromSeconds(10), CancellationToken.None));
        Assert.False(File.Exists(Path.Combine(stateDir, ExecFifo.FileName)));
        Assert.Equal(4, await WaitForExitAsync());
        Assert.Equal("started\n", Log(LogStream.Stdout));
    }

    [Fact]
    public async Task Start_OfARunningContainer_HasNoFifo_AndGivesRuncsError()
    {
        BuildBusyboxBundle("/bin/sleep", "100");
        await _runtime.CreateAsync(_id, tty: false, openStdin: false, stdinOnce: false, CancellationToken.None);
        await _runtime.StartAsync(_id, CancellationToken.None);
        Assert.Equal("running", (await _runtime.StateAsync(_id, CancellationToken.None))?.Status);

        Assert.False(await ExecFifo.TryStartAsync(Path.Combine(_runtime.Paths.RuncRoot, _id), TimeSpan.FromSeconds(10), CancellationToken.None));
        var e = await Assert.ThrowsAsync<WebUI.Engine.Errors.EngineException>(() => _runtime.StartAsync(_id, CancellationToken.None));
        Assert.Contains("cannot start an already running container", e.Message);
        Assert.Equal("running", (await _runtime.StateAsync(_id, CancellationToken.None))?.Status);
    }

    [Fact]
    public async Task Start_AfterTheInitDied_IsRefusedWithRuncsStoppedError()
    {
        BuildBusyboxBundle("/bin/sleep", "100");
        var pid = await _runtime.CreateAsync(_id, tty: false, openStdin: false, stdinOnce: false, CancellationToken.None);
        Assert.True(WebUI.Engine.Linux.Sys.kill(pid, 9));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Directory.Exists($"/proc/{pid}") && DateTime.UtcNow < deadline) await Task.Delay(20);

        // The fifo is still there, but its writer is gone: runc's "stopped" state, and its own error.
        Assert.True(File.Exists(Path.Combine(_runtime.Paths.RuncRoot, _id, ExecFifo.FileName)));
        var e = await Assert.ThrowsAsync<WebUI.Engine.Errors.EngineException>(() => _runtime.StartAsync(_id, CancellationToken.None));
        Assert.Contains("cannot start a container that has stopped", e.Message);
    }

    [Fact]
    public async Task ExecFifo_WithoutAWriter_TimesOut_AndAfterTheInitDies_SaysSo()
    {
        // A state directory as runc writes it for a live "init" (a sleep of ours) whose fifo nobody writes.
        var stateDir = Path.Combine(_root, "fake-state");
        Directory.CreateDirectory(stateDir);
        using var sleeper = Process.Start("/bin/sleep", "30");
        var stat = File.ReadAllText($"/proc/{sleeper.Id}/stat");
        var startTime = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19];
        File.WriteAllText(Path.Combine(stateDir, "state.json"), JsonSerializer.Serialize(new { init_process_pid = sleeper.Id, init_process_start = ulong.Parse(startTime), cgroup_paths = new { } }));
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(stateDir, ExecFifo.FileName))) await mkfifo.WaitForExitAsync();

        var timedOut = await Assert.ThrowsAsync<WebUI.Engine.Errors.EngineException>(() => ExecFifo.TryStartAsync(stateDir, TimeSpan.FromMilliseconds(300), CancellationToken.None));
        Assert.Contains("did not answer", timedOut.Message);

        var waiting = ExecFifo.TryStartAsync(stateDir, TimeSpan.FromSeconds(20), CancellationToken.None);
        await Task.Delay(200);
        sleeper.Kill();
        var dead = await Assert.ThrowsAsync<WebUI.Engine.Errors.EngineException>(() => waiting);
        Assert.Contains("container process is already dead", dead.Message);
        // Not started: the fifo stays, as runc leaves it.
        Assert.True(File.Exists(Path.Combine(stateDir, ExecFifo.FileName)));
    }
}
