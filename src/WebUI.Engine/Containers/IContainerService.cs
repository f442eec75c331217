namespace WebUI.Engine.Containers;

/// <summary>
/// Containers: the one place for their rules, used by the Docker API and the dashboard.
/// Lifecycle: Create (created) → Start (running) → exit / Stop / Kill (exited) → Start again or Remove.
/// Containers outlive the server (conmon owns them) and are re-adopted at start.
/// Lookups take a full id, a unique id prefix or a name (with or without the leading slash); a miss is NotFound "No such container: x".
/// </summary>
public interface IContainerService
{
    Task<ContainerCreateResult> CreateAsync(ContainerCreateRequest request, string? name, CancellationToken cancellationToken);

    /// <summary>Starts a created or exited container; NotModified when it is running already.</summary>
    Task StartAsync(string idOrName, CancellationToken cancellationToken);

    /// <summary>Sends the stop signal (request, container's StopSignal, SIGTERM), then SIGKILL after the timeout (seconds; container's StopTimeout, engine default; -1 waits forever). NotModified when not running.</summary>
    Task StopAsync(string idOrName, int? timeoutSeconds, string? signal, CancellationToken cancellationToken);

    /// <summary>Sends a signal ("KILL", "SIGHUP", "9"); Conflict when the container is not running.</summary>
    Task KillAsync(string idOrName, string? signal, CancellationToken cancellationToken);

    /// <summary>Stops (if running) and starts again.</summary>
    Task RestartAsync(string idOrName, int? timeoutSeconds, string? signal, CancellationToken cancellationToken);

    /// <summary>Removes a container; a running one only with <paramref name="force"/> (killed first), else Conflict.</summary>
    Task RemoveAsync(string idOrName, bool force, bool removeVolumes, CancellationToken cancellationToken);

    /// <summary>
    /// Waits for <paramref name="condition"/>. The waiter is registered before this method first yields, so a caller may
    /// start the wait, tell its client, and only then have the container started.
    /// </summary>
    Task<WaitResult> WaitAsync(string idOrName, WaitCondition condition, CancellationToken cancellationToken);

    /// <summary>The stored container (a live object: read, never change it).</summary>
    ContainerRecord Get(string idOrName);

    IReadOnlyList<ContainerRecord> List(ContainerListOptions options);

    /// <summary>The container's log entries; with Follow, new ones until the container stops and the log is drained.</summary>
    IAsyncEnumerable<LogEntry> LogsAsync(string idOrName, LogOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// Attaches to the container's stdio. For a container that is not running the session connects when it next starts
    /// (before its process runs, so no output is missed); stdin written meanwhile is buffered.
    /// </summary>
    Task<IContainerAttachment> AttachAsync(string idOrName, CancellationToken cancellationToken);

    /// <summary>Resizes the container's terminal (height, width in characters).</summary>
    Task ResizeAsync(string idOrName, int height, int width, CancellationToken cancellationToken);

    /// <summary>docker update: new limits (and restart policy), applied at once to a running container; returns warnings.</summary>
    Task<IReadOnlyList<string>> UpdateAsync(string idOrName, ContainerUpdate update, CancellationToken cancellationToken);

    /// <summary>Stats a path inside the container (HEAD /archive); NotFound "Could not find the file …".</summary>
    Task<Archive.PathStat> StatPathAsync(string idOrName, string path, CancellationToken cancellationToken);

    /// <summary>Writes a path of the container as a tar; <paramref name="begin"/> gets the stat first and returns the stream to write to.</summary>
    Task GetArchiveAsync(string idOrName, string path, Func<Archive.PathStat, CancellationToken, Task<Stream>> begin, CancellationToken cancellationToken);

    /// <summary>Extracts a (possibly compressed) tar into a directory of the container, running or not, volumes included.</summary>
    Task PutArchiveAsync(string idOrName, string path, Stream archive, bool noOverwriteDirNonDir, bool copyUidGid, CancellationToken cancellationToken);

    /// <summary>docker export: the container's root file system as a tar.</summary>
    Task ExportAsync(string idOrName, Stream output, CancellationToken cancellationToken);

    /// <summary>docker diff: changes of the writable layer.</summary>
    IReadOnlyList<ContainerChange> Changes(string idOrName);

    /// <summary>Bytes used by the container's writable layer (SizeRw).</summary>
    long SizeRw(string idOrName);

    /// <summary>Freezes a running container (Conflict when not running or already paused).</summary>
    Task PauseAsync(string idOrName, CancellationToken cancellationToken);

    /// <summary>Thaws a paused container (Conflict when not paused).</summary>
    Task UnpauseAsync(string idOrName, CancellationToken cancellationToken);

    /// <summary>Gives a container a new name (Conflict when taken); a "rename" event carries the old one.</summary>
    Task RenameAsync(string idOrName, string newName, CancellationToken cancellationToken);

    /// <summary>The container's processes as the host's ps shows them (ps arguments default to "-ef").</summary>
    Task<ContainerTop> TopAsync(string idOrName, string? psArgs, CancellationToken cancellationToken);

    /// <summary>Removes stopped containers matching the filters (until, label, label!).</summary>
    Task<ContainerPruneResult> PruneAsync(IReadOnlyDictionary<string, IReadOnlyList<string>> filters, CancellationToken cancellationToken);

    /// <summary>Resource usage samples in Docker's stats shape; streamed a second apart, or one.</summary>
    IAsyncEnumerable<Stats.ContainerStats> StatsAsync(string idOrName, bool stream, bool oneShot, CancellationToken cancellationToken);

    /// <summary>Ids of the container's exec sessions.</summary>
    IReadOnlyList<string> ExecIds(string containerId);
}
