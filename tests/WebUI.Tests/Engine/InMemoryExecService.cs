using WebUI.Engine.Containers;
using WebUI.Engine.Containers.Exec;
using WebUI.Engine.Errors;

namespace WebUI.Tests.Engine;

/// <summary>Exec sessions in memory over <see cref="InMemoryContainerService"/>: each started one gets an in-memory stdio and an exit the test decides.</summary>
public sealed class InMemoryExecService(InMemoryContainerService containers) : IExecService
{
    private readonly Dictionary<string, ExecSession> _sessions = [];

    public Dictionary<string, InMemoryAttachment> Attachments { get; } = [];
    public Dictionary<string, TaskCompletionSource<ExecResult>> Exits { get; } = [];
    public List<(string ExecId, int Height, int Width)> Resizes { get; } = [];

    public Task<string> CreateExecAsync(string containerIdOrName, ExecConfig config, CancellationToken cancellationToken)
    {
        var c = containers.Get(containerIdOrName);
        if (!c.State.Running) throw EngineException.Conflict($"Container {c.Id} is not running");
        if (config.Cmd is null or []) throw EngineException.Invalid("No exec command specified");
        var id = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
        lock (_sessions) _sessions[id] = new ExecSession { Id = id, ContainerId = c.Id, Config = config };
        return Task.FromResult(id);
    }

    public ExecSession GetExec(string execId)
    {
        lock (_sessions) return _sessions.TryGetValue(execId, out var s) ? s : throw EngineException.NotFound($"No such exec instance: {execId}");
    }

    public Task<ExecRun> StartExecAsync(string execId, bool detach, CancellationToken cancellationToken)
    {
        GetExec(execId);
        var attachment = new InMemoryAttachment();
        var exit = new TaskCompletionSource<ExecResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_sessions)
        {
            Attachments[execId] = attachment;
            Exits[execId] = exit;
        }
        return Task.FromResult(new ExecRun(detach ? null : attachment, exit.Task));
    }

    public Task ResizeExecAsync(string execId, int height, int width, CancellationToken cancellationToken)
    {
        lock (_sessions) Resizes.Add((execId, height, width));
        return Task.CompletedTask;
    }

    /// <summary>The process of <paramref name="execId"/> ends with <paramref name="exitCode"/>.</summary>
    public void Exit(string execId, int exitCode)
    {
        InMemoryAttachment a;
        TaskCompletionSource<ExecResult> e;
        lock (_sessions) { a = Attachments[execId]; e = Exits[execId]; }
        a.End();
        e.TrySetResult(new ExecResult(exitCode, null));
    }
}
