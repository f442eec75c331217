namespace WebUI.Engine.Containers;

/// <summary>The run state of a container, replaced as a whole on every change so readers never see half an update.</summary>
public sealed record ContainerState
{
    public string Status { get; init; } = ContainerStatus.Created;
    public bool Running { get; init; }
    public bool Paused { get; init; }
    public bool Restarting { get; init; }
    public bool OOMKilled { get; init; }
    public bool Dead { get; init; }
    public int Pid { get; init; }
    public int ExitCode { get; init; }
    public string Error { get; init; } = "";
    /// <summary>Docker's zero time (0001-01-01) until the first start.</summary>
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset FinishedAt { get; init; }
    /// <summary>Null when the container has no health check.</summary>
    public Health.HealthState? Health { get; init; }
}
