using System.Text.Json.Serialization;

namespace WebUI.DockerApi.Images;

/// <summary>GET /images/{name}/json (Docker's ImageInspect).</summary>
public sealed record ImageInspect
{
    public required string Id { get; init; }
    public required IReadOnlyList<string> RepoTags { get; init; }
    public required IReadOnlyList<string> RepoDigests { get; init; }
    public string Parent { get; init; } = "";
    public string Comment { get; init; } = "";
    public required string Created { get; init; }
    public string DockerVersion { get; init; } = "";
    public string Author { get; init; } = "";
    public required ImageContainerConfig Config { get; init; }
    public required string Architecture { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Variant { get; init; }
    public required string Os { get; init; }
    public long Size { get; init; }
    public long VirtualSize { get; init; }
    public required GraphDriverData GraphDriver { get; init; }
    public required ImageRootFs RootFS { get; init; }
    public required ImageMetadata Metadata { get; init; }
}

/// <summary>Where the layers are: Docker reports the overlay2 driver's directories.</summary>
public sealed record GraphDriverData(string Name, IReadOnlyDictionary<string, string> Data);

public sealed record ImageRootFs(string Type, IReadOnlyList<string> Layers);

public sealed record ImageMetadata(string LastTagTime);
