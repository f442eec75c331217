using System.Text.Json.Serialization;

namespace WebUI.Engine.Images;

/// <summary>An OCI image index (index.json of a layout, or a manifest list).</summary>
internal sealed record OciIndex
{
    [JsonPropertyName("manifests")] public List<OciDescriptor> Manifests { get; init; } = [];
}
