using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using WebUI.Engine.Containers;
using WebUI.Engine.Containers.Exec;
using WebUI.Engine.Errors;
using WebUI.Engine.Linux;
using WebUI.Services;

namespace WebUI.Terminal;

/// <summary>
/// The web terminal's sessions, kept on the server per user so they survive navigation and reloads: open (exec or
/// attach, through the engine's services in process), join/leave (browser connections), input, resize, close. A
/// session nobody watches and nobody types into for <see cref="TerminalOptions.IdleTimeout"/> is closed; an ended one is
/// forgotten after the same time. Callers are checked before they get here (hub: Operator); a session is only ever
/// visible to its owner (any other name gets NotFound).
/// </summary>
public sealed partial class TerminalSessions : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TerminalSession> _sessions = new(StringComparer.Ordinal);
    private readonly List<Action> _listeners = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly IExecService _execs;
    private readonly IContainerService _containers;
    private readonly ITerminalClients _clients;
    private readonly TerminalOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TerminalSessions> _logger;
    private readonly ITimer _sweeper;

    public TerminalSessions(IExecService execs, IContainerService containers, ITerminalClients clients, IOptions<TerminalOptions> options,
        TimeProvider time, ILogger<TerminalSessions> logger)
    {
        _execs = execs;
        _containers = containers;
        _clients = clients;
        _options = options.Value;
        _time = time;
        _logger = logger;
        var period = TimeSpan.FromTicks(Math.Clamp(_options.IdleTimeout.Ticks / 4, TimeSpan.FromSeconds(1).Ticks, TimeSpan.FromMinutes(1).Ticks));
        _sweeper = time.CreateTimer(_ => _ = SweepAsync(), null, period, period);
    }

    /// <summary>Starts a session for <paramref name="owner"/>: Conflict when the container is not running, InvalidArgument for a bad size or command.</summary>
    public async Task<TerminalSessionInfo> OpenAsync(string owner, TerminalOpenRequest request, CancellationToken cancellationToken)
    {
        if (request.Rows is < 1 or > 1000 || request.Cols is < 1 or > 1000)
            throw EngineException.Invalid($"invalid terminal size {request.Rows}x{request.Cols}: rows and columns must be 1 to 1000");
        var running = _sessions.Values.Count(s => s.Owner == owner && !s.Exited);
        if (running >= _options.MaxSessionsPerUser)
            throw EngineException.Conflict($"You have {running} open terminal sessions; close one first.");
        var container = _containers.Get(request.ContainerId);
        if (!container.State.Running) throw EngineException.Conflict($"Container {container.Name.TrimStart('/')} is not running; start it first.");

        var request2 = request with { ContainerId = container.Id };
        var (command, process) = request.Mode == TerminalMode.Exec
            ? await StartExecAsync(owner, request2, cancellationToken)
            : await AttachAsync(request2, cancellationToken);
        var session = new TerminalSession(ContainerNames.NewId()[..24], owner, request2, command, process, _time.GetUtcNow(), _options.ScrollbackChars);
        _sessions[session.Id] = session;
        LogOpened(_logger, owner, session.Id, container.Id, request.Mode, command);
        _ = PumpAsync(session);
        Changed();
        return session.Info();
    }

    /// <summary>The owner's sessions, of one container or all.</summary>
    public IReadOnlyList<TerminalSessionInfo> List(string owner, string? containerId) =>
        [.. _sessions.Values.Where(s => s.Owner == owner && (containerId is null || s.ContainerId == containerId))
            .OrderBy(s => s.Started).Select(s => s.Info())];

    public TerminalSnapshot Join(string owner, string sessionId, string connectionId)
    {
        var snapshot = Find(owner, sessionId).Join(connectionId, _time.GetUtcNow());
        Changed();
        return snapshot;
    }

    /// <summary>A browser stops watching one session, or (null) all it watched (its connection closed).</summary>
    public void Leave(string connectionId, string? sessionId)
    {
        var any = false;
        foreach (var s in _sessions.Values.Where(s => sessionId is null || s.Id == sessionId)) any |= s.Leave(connectionId, _time.GetUtcNow());
        if (any) Changed();
    }

    public Task InputAsync(string owner, string sessionId, string data, CancellationToken cancellationToken)
    {
        var session = Find(owner, sessionId);
        if (session.Exited) throw EngineException.Conflict("The session has ended.");
        return session.WriteAsync(data, _time.GetUtcNow(), cancellationToken);
    }

    public Task ResizeAsync(string owner, string sessionId, int rows, int cols, CancellationToken cancellationToken)
    {
        if (rows is < 1 or > 1000 || cols is < 1 or > 1000) throw EngineException.Invalid($"invalid terminal size {rows}x{cols}: rows and columns must be 1 to 1000");
        var session = Find(owner, sessionId);
        return session.Exited ? Task.CompletedTask : session.Process.Resize(rows, cols, cancellationToken);
    }

    /// <summary>Ends a running session (exec: hangs up its process; attach: detaches) or forgets an ended one.</summary>
    public async Task CloseAsync(string owner, string sessionId, CancellationToken cancellationToken)
    {
        var session = Find(owner, sessionId);
        cancellationToken.ThrowIfCancellationRequested();
        if (session.Exited)
        {
            _sessions.TryRemove(session.Id, out _);
            Changed();
            return;
        }
        await session.Process.Hangup();
    }

    /// <summary>Called whenever a session opens, ends, is forgotten or gains/loses a viewer; dispose to stop.</summary>
    public IDisposable OnChange(Action changed)
    {
        lock (_listeners) _listeners.Add(changed);
        return new Subscription(() => { lock (_listeners) _listeners.Remove(changed); });
    }

    private TerminalSession Find(string owner, string sessionId) =>
        _sessions.TryGetValue(sessionId, out var s) && s.Owner == owner ? s : throw EngineException.NotFound($"No such terminal session: {sessionId}");

    private async Task<(string, TerminalProcess)> StartExecAsync(string owner, TerminalOpenRequest request, CancellationToken cancellationToken)
    {
        var cmd = CommandLine.Split(request.Command);
        if (cmd.Count == 0) cmd = ["sh"];
        var execId = await _execs.CreateExecAsync(request.ContainerId, new ExecConfig
        {
            AttachStdin = true, AttachStdout = true, AttachStderr = true, Tty = true,
            Cmd = cmd, User = request.User?.Trim() ?? "", ConsoleSize = [request.Rows, request.Cols],
        }, cancellationToken);
        // Recorded under the flow's caller (CallerContext, entered by the hub): the owner.
        var run = await _execs.StartExecAsync(execId, detach: false, cancellationToken);
        var exit = run.Completion.ContinueWith(t => t.IsCompletedSuccessfully ? t.Result.ExitCode : 126, TaskScheduler.Default);
        return (string.Join(' ', cmd), new TerminalProcess(run.Attachment!, (r, c, ct) => _execs.ResizeExecAsync(execId, r, c, ct), exit, () => HangupAsync(execId, exit)));
    }

    private async Task<(string, TerminalProcess)> AttachAsync(TerminalOpenRequest request, CancellationToken cancellationToken)
    {
        var attachment = await _containers.AttachAsync(request.ContainerId, cancellationToken);
        var detached = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waited = _containers.WaitAsync(request.ContainerId, WaitCondition.NotRunning, _stopping.Token)
            .ContinueWith(t => t.IsCompletedSuccessfully ? t.Result.StatusCode : -1, TaskScheduler.Default);
        var exit = Task.WhenAny(waited, detached.Task).Unwrap();
        await _containers.ResizeAsync(request.ContainerId, request.Rows, request.Cols, cancellationToken);
        return ("(main process)", new TerminalProcess(attachment, (r, c, ct) => _containers.ResizeAsync(request.ContainerId, r, c, ct), exit, async () =>
        {
            // Detach only: the container goes on. The session ends without an exit code of the container's own.
            detached.TrySetResult(-1);
            await attachment.DisposeAsync();
        }));
    }

    /// <summary>As a terminal closing: SIGHUP to the exec'd process, SIGKILL if it is still there two seconds later.</summary>
    private async Task HangupAsync(string execId, Task<int> exit)
    {
        var pid = _execs.GetExec(execId).Pid;
        if (pid <= 0 || exit.IsCompleted) return;
        Sys.kill(pid, 1);
        if (await Task.WhenAny(exit, Task.Delay(TimeSpan.FromSeconds(2), _time)) != exit && !exit.IsCompleted) Sys.kill(pid, Signals.SIGKILL);
    }

    private async Task PumpAsync(TerminalSession session)
    {
        var token = _stopping.Token;
        try
        {
            while (await session.ReadAsync(token) is { } chunk)
            {
                var (seq, text, viewers) = session.Append(chunk.Data, _time.GetUtcNow());
                if (text.Length > 0) await SendQuietlyAsync(_clients.OutputAsync(viewers, session.Id, seq, text, token));
            }
            var code = await session.Process.Exit.WaitAsync(token);
            await session.Process.Attachment.DisposeAsync();
            var watching = session.MarkExited(code);
            LogExited(_logger, session.Id, code);
            await SendQuietlyAsync(_clients.ExitedAsync(watching, session.Id, code, token));
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested) { }
        Changed();
    }

    /// <summary>A browser that went away must not stop the pump (its connection is removed on disconnect).</summary>
    private async Task SendQuietlyAsync(Task send)
    {
        try { await send; }
        catch (Exception e) when (e is IOException or InvalidOperationException) { LogSendFailed(_logger, e.Message); }
    }

    private async Task SweepAsync()
    {
        var now = _time.GetUtcNow();
        foreach (var s in _sessions.Values.Where(s => s.ViewerCount == 0 && now - s.LastActivity > _options.IdleTimeout).ToList())
        {
            if (s.Exited)
            {
                _sessions.TryRemove(s.Id, out _);
                Changed();
                continue;
            }
            LogIdle(_logger, s.Id);
            try { await s.Process.Hangup(); }
            catch (Exception e) when (e is EngineException or LinuxException) { LogSendFailed(_logger, e.Message); }
        }
    }

    private void Changed()
    {
        Action[] listeners;
        lock (_listeners) listeners = [.. _listeners];
        foreach (var l in listeners) l();
    }

    public async ValueTask DisposeAsync()
    {
        await _sweeper.DisposeAsync();
        await _stopping.CancelAsync();
        foreach (var s in _sessions.Values) await s.Process.Attachment.DisposeAsync();
        _stopping.Dispose();
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
