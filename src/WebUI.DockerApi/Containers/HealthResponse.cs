using WebUI.Engine.Containers.Health;

namespace WebUI.DockerApi.Containers;

/// <summary>State.Health of Docker's inspect: Status, FailingStreak and the last probes.</summary>
public sealed record HealthResponse(string Status, int FailingStreak, IReadOnlyList<HealthLogResponse> Log)
{
    public static HealthResponse? From(HealthState? h) => h is null ? null
        : new HealthResponse(h.Status, h.FailingStreak, [.. h.Log.Select(e => new HealthLogResponse(DockerTime.Format(e.Start), DockerTime.Format(e.End), e.ExitCode, e.Output))]);
}
