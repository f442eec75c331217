namespace WebUI.DockerApi.Containers;

/// <summary>State in Docker's ContainerJSON, times as RFC 3339 strings.</summary>
public sealed record ContainerStateResponse(
    string Status, bool Running, bool Paused, bool Restarting, bool OOMKilled, bool Dead, int Pid, int ExitCode,
    string Error, string StartedAt, string FinishedAt)
{
    /// <summary>Only for containers with a health check, as Docker.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public HealthResponse? Health { get; init; }
}
