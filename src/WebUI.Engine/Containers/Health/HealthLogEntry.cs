namespace WebUI.Engine.Containers.Health;

/// <summary>One probe of a health check: when it ran, its exit code (-1: timed out) and the start of its output.</summary>
public sealed record HealthLogEntry(DateTimeOffset Start, DateTimeOffset End, int ExitCode, string Output);
