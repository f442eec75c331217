namespace WebUI.DockerApi.Daemon;

/// <summary>/version's Platform.</summary>
public sealed record PlatformName(string Name);
