using System.Text.Json.Serialization;

namespace WebUI.Engine.Containers;

/// <summary>
/// One mount of a container, decided at create: a volume, a bind or a tmpfs. The first eight properties are Docker's
/// inspect shape (Mounts[]); the rest tell the start what to do.
/// </summary>
public sealed record MountPoint
{
    /// <summary>"volume", "bind" or "tmpfs".</summary>
    public required string Type { get; init; }
    /// <summary>The volume's name (volumes only).</summary>
    public string Name { get; init; } = "";
    /// <summary>The host path: the bind source, or the volume's mountpoint.</summary>
    public string Source { get; init; } = "";
    public required string Destination { get; init; }
    public string Driver { get; init; } = "";
    /// <summary>The options as given (e.g. "ro", "z"); "" when none.</summary>
    public string Mode { get; init; } = "";
    public bool RW { get; init; } = true;
    public string Propagation { get; init; } = "";

    /// <summary>Copy the image's content at the destination into the volume when it is empty (false: nocopy, or not a volume).</summary>
    [JsonInclude] public bool CopyData { get; init; }
    /// <summary>A bind from -v whose missing source directory is created at start (Docker's legacy -v behaviour).</summary>
    [JsonInclude] public bool CreateSource { get; init; }
    /// <summary>A bind without its submounts (bind-nonrecursive).</summary>
    [JsonInclude] public bool NonRecursive { get; init; }
    /// <summary>tmpfs mount options (size=, mode=).</summary>
    [JsonInclude] public string? TmpfsOptions { get; init; }
}
