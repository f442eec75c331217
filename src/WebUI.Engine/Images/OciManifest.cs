using System.Text.Json.Serialization;

namespace WebUI.Engine.Images;

/// <summary>An OCI image manifest (or Docker v2 schema 2): a config and layers.</summary>
internal sealed record OciManifest
{
    [JsonPropertyName("mediaType")] public string? MediaType { get; init; }
    [JsonPropertyName("config")] public OciDescriptor? Config { get; init; }
    [JsonPropertyName("layers")] public List<OciDescriptor> Layers { get; init; } = [];
}
