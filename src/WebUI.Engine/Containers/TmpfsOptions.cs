namespace WebUI.Engine.Containers;

/// <summary>--mount type=tmpfs options: tmpfs-size (bytes) and tmpfs-mode (permission bits).</summary>
public sealed class TmpfsOptions
{
    public long SizeBytes { get; set; }
    public uint Mode { get; set; }
    public List<List<string>>? Options { get; set; }
}
