namespace WebUI.DockerApi.Exec;

/// <summary>GET /exec/{id}/json: Docker's ExecInspect.</summary>
public sealed record ExecInspectResponse
{
    public required string ID { get; init; }
    public bool Running { get; init; }
    public int? ExitCode { get; init; }
    public required ExecProcessConfig ProcessConfig { get; init; }
    public bool OpenStdin { get; init; }
    public bool OpenStderr { get; init; }
    public bool OpenStdout { get; init; }
    public bool CanRemove { get; init; }
    public required string ContainerID { get; init; }
    public string DetachKeys { get; init; } = "";
    public int Pid { get; init; }
}
