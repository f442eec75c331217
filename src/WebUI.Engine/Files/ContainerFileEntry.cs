namespace WebUI.Engine.Files;

/// <summary>One entry of a directory inside a container: as docker cp's path stat describes it (Go FileMode bits).</summary>
public sealed record ContainerFileEntry(string Name, long Size, uint Mode, DateTimeOffset Modified, string LinkTarget)
{
    public bool IsDirectory => (Mode & (1u << 31)) != 0;
    public bool IsSymlink => (Mode & (1u << 27)) != 0;
    /// <summary>A regular file (no directory, link, device, pipe or socket bit).</summary>
    public bool IsFile => (Mode & 0xFF000000u) == 0;
}
