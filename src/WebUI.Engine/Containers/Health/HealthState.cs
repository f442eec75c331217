namespace WebUI.Engine.Containers.Health;

/// <summary>State.Health: "starting", "healthy" or "unhealthy", the failures in a row, and the last 5 probes.</summary>
public sealed record HealthState
{
    public const string Starting = "starting";
    public const string Healthy = "healthy";
    public const string Unhealthy = "unhealthy";
    public const int LogSize = 5;

    public string Status { get; init; } = Starting;
    public int FailingStreak { get; init; }
    public IReadOnlyList<HealthLogEntry> Log { get; init; } = [];
}
