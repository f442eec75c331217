namespace WebUI.DockerApi.Daemon;

/// <summary>/info's Swarm: this engine is never part of a swarm.</summary>
public sealed record SwarmInfo
{
    public string NodeID { get; init; } = "";
    public string NodeAddr { get; init; } = "";
    public string LocalNodeState { get; init; } = "inactive";
    public bool ControlAvailable { get; init; }
    public string Error { get; init; } = "";
}
