namespace WebUI.Services;

/// <summary>The file system holding the data root: its size and how much of it is used.</summary>
public sealed record DiskUse(string Path, long Total, long Used);
