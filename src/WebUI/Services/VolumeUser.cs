namespace WebUI.Services;

/// <summary>A container using a volume: its id (for the link) and name.</summary>
public sealed record VolumeUser(string ContainerId, string Name);
