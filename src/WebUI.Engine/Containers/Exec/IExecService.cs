namespace WebUI.Engine.Containers.Exec;

/// <summary>
/// Exec sessions in running containers. Lifecycle: Create (checked against the container) → Start once (attached or
/// detached; the process runs through its own conmon) → exit code recorded → forgotten with the container.
/// A miss is NotFound "No such exec instance: x".
/// </summary>
public interface IExecService
{
    /// <summary>Creates a session; Conflict when the container is not running or paused.</summary>
    Task<string> CreateExecAsync(string containerIdOrName, ExecConfig config, CancellationToken cancellationToken);

    ExecSession GetExec(string execId);

    /// <summary>Runs the session's process. Attached, output flows before the process runs, so none is lost.</summary>
    Task<ExecRun> StartExecAsync(string execId, bool detach, CancellationToken cancellationToken);

    Task ResizeExecAsync(string execId, int height, int width, CancellationToken cancellationToken);
}
