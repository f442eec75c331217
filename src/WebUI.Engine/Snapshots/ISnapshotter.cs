namespace WebUI.Engine.Snapshots;

/// <summary>
/// Layered file systems on overlayfs. Committed snapshots hold one unpacked layer each and are keyed by chain id;
/// an active snapshot is a writable layer on top of a committed parent, keyed by its owner (a container id).
/// Lifecycle: Prepare (active) → Mounts → [Commit → committed] or Remove.
/// </summary>
public interface ISnapshotter
{
    /// <summary>Whether a committed snapshot with this chain id exists.</summary>
    bool Exists(string chainId);

    /// <summary>Creates a writable snapshot named <paramref name="key"/> over the committed <paramref name="parentChainId"/> (null: empty) and returns its mounts.</summary>
    Task<IReadOnlyList<Mount>> PrepareAsync(string key, string? parentChainId, CancellationToken cancellationToken);

    /// <summary>The mounts of an existing active snapshot.</summary>
    IReadOnlyList<Mount> Mounts(string key);

    /// <summary>Removes an active snapshot and its writable layer; a missing one is not an error.</summary>
    Task RemoveAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Removes an active snapshot from the index at once (nothing can meet it afterwards: mounts, lower-layer checks)
    /// and its writable layer, and writes the index file off the caller's path: the returned task is that write. An
    /// entry a crash leaves in the file without its owner is removed at the next start (<see cref="ActiveKeys"/>).
    /// </summary>
    Task Release(string key);

    /// <summary>The keys (owners) of the active snapshots.</summary>
    IReadOnlyList<string> ActiveKeys();

    /// <summary>Bytes used by the writable layer of an active snapshot (SizeRw).</summary>
    long UsageOf(string key);
}
