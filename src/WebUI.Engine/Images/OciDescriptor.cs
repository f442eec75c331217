using System.Text.Json.Serialization;

namespace WebUI.Engine.Images;

/// <summary>An OCI content descriptor (also the shape of Docker's v2 manifest entries).</summary>
internal sealed record OciDescriptor
{
    [JsonPropertyName("mediaType")] public string? MediaType { get; init; }
    [JsonPropertyName("digest")] public string Digest { get; init; } = "";
    [JsonPropertyName("size")] public long Size { get; init; }
    [JsonPropertyName("annotations")] public Dictionary<string, string>? Annotations { get; init; }
    [JsonPropertyName("platform")] public OciPlatform? Platform { get; init; }
}
