using System.Text.Json.Serialization;
using WebUI.Engine.Containers;

namespace WebUI.DockerApi.Containers;

/// <summary>Docker's ContainerJSON (GET /containers/{id}/json), with every piece the CLI's templates read.</summary>
public sealed record ContainerInspectResponse
{
    public required string Id { get; init; }
    public required string Created { get; init; }
    public required string Path { get; init; }
    public required IReadOnlyList<string> Args { get; init; }
    public required ContainerStateResponse State { get; init; }
    public required string Image { get; init; }
    public required string ResolvConfPath { get; init; }
    public required string HostnamePath { get; init; }
    public required string HostsPath { get; init; }
    public required string LogPath { get; init; }
    public required string Name { get; init; }
    public int RestartCount { get; init; }
    public string Driver { get; init; } = "overlay2";
    public string Platform { get; init; } = "linux";
    public string MountLabel { get; init; } = "";
    public string ProcessLabel { get; init; } = "";
    public string AppArmorProfile { get; init; } = "";
    public IReadOnlyList<string>? ExecIDs { get; init; }
    public required HostConfig HostConfig { get; init; }
    public required GraphDriverResponse GraphDriver { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? SizeRw { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? SizeRootFs { get; init; }
    public IReadOnlyList<MountPointResponse> Mounts { get; init; } = [];
    public required ContainerConfig Config { get; init; }
    public required NetworkSettingsResponse NetworkSettings { get; init; }
}
