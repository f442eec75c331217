namespace WebUI.Services;

/// <summary>One entry of a volume directory listing; <see cref="LinkTarget"/> is the link's text for a symlink (never followed).</summary>
public sealed record VolumeFileEntry(string Name, VolumeFileKind Kind, long Size, DateTimeOffset Modified, string Permissions, string? LinkTarget);
