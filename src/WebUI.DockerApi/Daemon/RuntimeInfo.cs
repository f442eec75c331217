namespace WebUI.DockerApi.Daemon;

/// <summary>One entry of /info's Runtimes.</summary>
public sealed record RuntimeInfo(string Path);
