using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WebUI.Engine.Containers;
using WebUI.Engine.Errors;
using WebUI.Terminal;
using WebUI.Tests.Engine;

namespace WebUI.Tests.Terminal;

public sealed class TerminalSessionsTests : IAsyncLifetime
{
    private readonly InMemoryContainerService _containers = new(new TestEventBus());
    private readonly InMemoryExecService _execs;
    private readonly RecordingTerminalClients _clients = new();
    private readonly TerminalSessions _sessions;

    public TerminalSessionsTests()
    {
        _execs = new InMemoryExecService(_containers);
        _sessions = new TerminalSessions(_execs, _containers, _clients, Options.Create(new TerminalOptions { ScrollbackChars = 64 }),
            TimeProvider.System, NullLogger<TerminalSessions>.Instance);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _sessions.DisposeAsync();

    [Fact]
    public async Task Exec_starts_a_tty_shell_with_the_browser_size_and_the_chosen_user()
    {
        var c = _containers.Add("web", ContainerStatus.Running);
        var info = await _sessions.OpenAsync("alice", new TerminalOpenRequest("web", TerminalMode.Exec, "", "nobody", 30, 100), CancellationToken.None);

        var exec = _execs.GetExec(_execs.Attachments.Keys.Single());
        Assert.Equal(["sh"], exec.Config.Cmd);
        Assert.True(exec.Config.Tty && exec.Config.AttachStdin && exec.Config.AttachStdout);
        Assert.Equal("nobody", exec.Config.User);
        Assert.Equal([30, 100], exec.Config.ConsoleSize);
        Assert.Equal(c.Id, info.ContainerId);
        Assert.Equal("sh", info.Command);
    }

    [Fact]
    public async Task A_joining_browser_gets_the_output_so_far_then_numbered_live_chunks_and_the_exit_code()
    {
        _containers.Add("web", ContainerStatus.Running);
        var info = await _sessions.OpenAsync("alice", new TerminalOpenRequest("web", TerminalMode.Exec, "sh -l", null, 24, 80), CancellationToken.None);
        var execId = _execs.Attachments.Keys.Single();
        var stdio = _execs.Attachments[execId];
        // "é" split across two reads stays one character.
        var e = Encoding.UTF8.GetBytes("é");
        stdio.Print([(byte)'a', e[0]]);
        stdio.Print([e[1], (byte)'b']);
        await WaitAsync(() => _sessions.Join("alice", info.Id, "probe").Scrollback == "aéb");

        var snapshot = _sessions.Join("alice", info.Id, "c1");
        Assert.Equal("aéb", snapshot.Scrollback);
        stdio.Print("more");
        await WaitAsync(() => _clients.Output.Any(o => o.Connection == "c1"));
        var live = _clients.Output.Single(o => o.Connection == "c1");
        Assert.Equal(("more", snapshot.Seq + 1), (live.Text, live.Seq));

        _execs.Exit(execId, 7);
        await WaitAsync(() => _clients.Exits.Any(x => x.Connection == "c1"));
        Assert.Equal(7, _clients.Exits.Single(x => x.Connection == "c1").ExitCode);
        var ended = _sessions.List("alice", null).Single();
        Assert.True(ended.Exited);
        Assert.Equal(7, ended.ExitCode);
        Assert.True(stdio.Disposed);
    }

    [Fact]
    public async Task Input_reaches_stdin_in_order_and_resize_reaches_the_exec()
    {
        _containers.Add("web", ContainerStatus.Running);
        var info = await _sessions.OpenAsync("alice", new TerminalOpenRequest("web", TerminalMode.Exec, null, null, 24, 80), CancellationToken.None);
        var paste = string.Concat(Enumerable.Range(0, 25).Select(i => new string((char)('a' + i), 4096)));
        for (var at = 0; at < paste.Length; at += 4096) await _sessions.InputAsync("alice", info.Id, paste.Substring(at, 4096), CancellationToken.None);
        await _sessions.ResizeAsync("alice", info.Id, 40, 120, CancellationToken.None);

        Assert.Equal(paste, _execs.Attachments.Values.Single().Stdin);
        Assert.Contains((_execs.Attachments.Keys.Single(), 40, 120), _execs.Resizes);
    }

    [Fact]
    public async Task Another_user_neither_sees_nor_reaches_a_session()
    {
        _containers.Add("web", ContainerStatus.Running);
        var info = await _sessions.OpenAsync("alice", new TerminalOpenRequest("web", TerminalMode.Exec, null, null, 24, 80), CancellationToken.None);

        Assert.Empty(_sessions.List("bob", null));
        Assert.Equal(ErrorKind.NotFound, Assert.Throws<EngineException>(() => _sessions.Join("bob", info.Id, "c2")).Kind);
        var input = await Assert.ThrowsAsync<EngineException>(() => _sessions.InputAsync("bob", info.Id, "rm -rf /\r", CancellationToken.None));
        Assert.Equal(ErrorKind.NotFound, input.Kind);
        Assert.Equal("", _execs.Attachments.Values.Single().Stdin);
    }

    [Fact]
    public async Task Bad_sizes_and_stopped_containers_are_refused_and_start_nothing()
    {
        _containers.Add("web", ContainerStatus.Running);
        _containers.Add("off", ContainerStatus.Exited);
        var size = await Assert.ThrowsAsync<EngineException>(() => _sessions.OpenAsync("alice", new TerminalOpenRequest("web", TerminalMode.Exec, null, null, 0, 80), CancellationToken.None));
        Assert.Contains("invalid terminal size 0x80", size.Message);
        var stopped = await Assert.ThrowsAsync<EngineException>(() => _sessions.OpenAsync("alice", new TerminalOpenRequest("off", TerminalMode.Exec, null, null, 24, 80), CancellationToken.None));
        Assert.Equal(ErrorKind.Conflict, stopped.Kind);
        Assert.Contains("off is not running", stopped.Message);
        Assert.Empty(_execs.Attachments);
        Assert.Empty(_sessions.List("alice", null));
    }

    [Fact]
    public async Task Scrollback_keeps_the_newest_output_within_its_limit()
    {
        _containers.Add("web", ContainerStatus.Running);
        var info = await _sessions.OpenAsync("alice", new TerminalOpenRequest("web", TerminalMode.Exec, null, null, 24, 80), CancellationToken.None);
        var stdio = _execs.Attachments.Values.Single();
        stdio.Print(new string('x', 100));
        stdio.Print("tail");
        await WaitAsync(() => _sessions.Join("alice", info.Id, "c").Scrollback.EndsWith("tail", StringComparison.Ordinal));
        var scrollback = _sessions.Join("alice", info.Id, "c").Scrollback;
        Assert.Equal(64, scrollback.Length);
        Assert.EndsWith("xxtail", scrollback);
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }
}
