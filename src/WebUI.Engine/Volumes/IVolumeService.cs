namespace WebUI.Engine.Volumes;

/// <summary>Volumes of the local driver: the one place for their names, lifecycle and mounts.</summary>
public interface IVolumeService
{
    /// <summary>Creates a volume; an existing one of that name is returned as it is (Docker's behaviour). Null name: anonymous.</summary>
    Task<VolumeRecord> CreateAsync(VolumeCreateOptions options, CancellationToken cancellationToken);

    /// <summary>Throws NotFound "get x: no such volume", also for another team's volume (as if it did not exist).</summary>
    VolumeRecord Get(string name);

    /// <summary>The volume whoever asks, or null: for the engine's own checks (the choke point's team check on mounts).</summary>
    VolumeRecord? Find(string name);

    /// <summary>Lists volumes with Docker's filters: name, driver, label, dangling.</summary>
    IReadOnlyList<VolumeRecord> List(IReadOnlyDictionary<string, IReadOnlyList<string>> filters);

    /// <summary>Removes a volume; refused (409) while a container uses it, even with force.</summary>
    Task RemoveAsync(string name, bool force, CancellationToken cancellationToken);

    /// <summary>Removes unused volumes: anonymous ones only unless the filter all=true; label filters apply. Returns names and bytes freed.</summary>
    Task<(IReadOnlyList<string> Deleted, long SpaceReclaimed)> PruneAsync(IReadOnlyDictionary<string, IReadOnlyList<string>> filters, CancellationToken cancellationToken);

    /// <summary>Makes the volume's data available for a container (mounting a device/tmpfs/bind source on first use) and returns the host path to bind.</summary>
    Task<string> MountAsync(string name, string containerId, CancellationToken cancellationToken);

    /// <summary>Releases a container's use; the last release unmounts a device-backed volume.</summary>
    Task UnmountAsync(string name, string containerId, CancellationToken cancellationToken);

    /// <summary>Bytes used by the volume's data (for docker system df -v).</summary>
    long SizeOf(string name);
}
