namespace WebUI.Engine.Snapshots;

/// <summary>The snapshotter's persisted index (snapshots/metadata.json): short directory numbers keep overlay mount options small.</summary>
internal sealed class SnapshotMetadata
{
    public long NextId { get; set; } = 1;
    /// <summary>Committed snapshots by chain id.</summary>
    public Dictionary<string, CommittedSnapshot> Committed { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Active (writable) snapshots by key.</summary>
    public Dictionary<string, ActiveSnapshot> Active { get; set; } = new(StringComparer.Ordinal);
}

internal sealed record CommittedSnapshot(long Id, string? Parent, long Size, DateTimeOffset Created);

internal sealed record ActiveSnapshot(long Id, string? Parent, DateTimeOffset Created);
