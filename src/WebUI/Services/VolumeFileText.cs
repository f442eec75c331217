namespace WebUI.Services;

/// <summary>A file of a volume shown as text: its start when it is larger than the limit; null text for a binary file.</summary>
public sealed record VolumeFileText(string Path, long Size, string? Text, bool Truncated);
