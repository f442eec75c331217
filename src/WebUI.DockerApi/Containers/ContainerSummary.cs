using System.Text.Json.Serialization;
namespace WebUI.DockerApi.Containers;

/// <summary>One entry of GET /containers/json.</summary>
public sealed record ContainerSummary
{
    public required string Id { get; init; }
    public required IReadOnlyList<string> Names { get; init; }
    public required string Image { get; init; }
    public required string ImageID { get; init; }
    public required string Command { get; init; }
    public long Created { get; init; }
    public IReadOnlyList<object> Ports { get; init; } = [];
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? SizeRw { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? SizeRootFs { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    public required string State { get; init; }
    public required string Status { get; init; }
    public required ContainerSummaryHostConfig HostConfig { get; init; }
    public required ContainerSummaryNetworkSettings NetworkSettings { get; init; }
    public IReadOnlyList<MountPointResponse> Mounts { get; init; } = [];
}
