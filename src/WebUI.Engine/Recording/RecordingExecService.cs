using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebUI.Engine.Containers.Exec;

namespace WebUI.Engine.Recording;

/// <summary>
/// The exec service as every front door sees it: the engine's own, with each attached session started by a caller
/// (<see cref="Security.Admission.CallerContext"/>: the dashboard user, the token's user, "docker-api (uid N)" on the
/// socket) recorded; the engine's own execs (health probes) do not come through here. Create, inspect and resize pass through; a recording that cannot be written
/// is logged and never stops the exec.
/// </summary>
internal sealed partial class RecordingExecService(
    IExecService inner, RecordingStore store, IOptions<RecordingOptions> options, ILogger<RecordingExecService> logger) : IExecService
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CastWriter> _writers = new(StringComparer.Ordinal);

    public Task<string> CreateExecAsync(string containerIdOrName, ExecConfig config, CancellationToken cancellationToken) =>
        inner.CreateExecAsync(containerIdOrName, config, cancellationToken);

    public ExecSession GetExec(string execId) => inner.GetExec(execId);

    public async Task<ExecRun> StartExecAsync(string execId, bool detach, CancellationToken cancellationToken)
    {
        var run = await inner.StartExecAsync(execId, detach, cancellationToken);
        var user = Security.Admission.CallerContext.Current?.Name;
        if (run.Attachment is null || user is null || !options.Value.Enabled) return run;
        var session = inner.GetExec(execId);
        CastWriter writer;
        try
        {
            var size = session.Config.ConsoleSize is [var h, var w] && h > 0 && w > 0 ? (h, w) : (24, 80);
            writer = new CastWriter(store, new RecordingInfo
            {
                Id = execId, ContainerId = session.ContainerId, User = user, Tty = session.Config.Tty,
                Command = string.Join(' ', session.Config.Cmd ?? []), Started = DateTimeOffset.UtcNow,
            }, size.Item2, size.Item1, options.Value.MaxRecordingBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Errors.EngineException)
        {
            LogNotRecorded(logger, execId, e.Message);
            return run;
        }
        _writers[execId] = writer;
        return new ExecRun(new RecordingAttachment(run.Attachment, writer), FinishAsync(execId, writer, run.Completion));
    }

    public async Task ResizeExecAsync(string execId, int height, int width, CancellationToken cancellationToken)
    {
        await inner.ResizeExecAsync(execId, height, width, cancellationToken);
        if (_writers.TryGetValue(execId, out var writer)) await writer.ResizeAsync(height, width, cancellationToken);
    }

    private async Task<ExecResult> FinishAsync(string execId, CastWriter writer, Task<ExecResult> completion)
    {
        try
        {
            var result = await completion;
            await writer.ExitedAsync(result.ExitCode);
            return result;
        }
        finally { _writers.TryRemove(execId, out _); }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "exec {ExecId} is not recorded: {Reason}")]
    private static partial void LogNotRecorded(ILogger logger, string execId, string reason);
}
