namespace WebUI.Services;

/// <summary>One line of the volumes table.</summary>
public sealed record VolumeRow(string Name, string Driver, string Mountpoint, DateTimeOffset CreatedAt, IReadOnlyDictionary<string, string> Labels, int UsedBy);
