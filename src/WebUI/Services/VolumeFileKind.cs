namespace WebUI.Services;

/// <summary>What a volume entry is, as the listing shows it.</summary>
public enum VolumeFileKind
{
    Directory,
    File,
    Symlink,
    Other,
}
