namespace WebUI.Engine.Containers.Archive;

/// <summary>What X-Docker-Container-Path-Stat carries: name, size, Go FileMode bits, mtime and a symlink's target.</summary>
public sealed record PathStat(string Name, long Size, uint Mode, DateTimeOffset Mtime, string LinkTarget);
