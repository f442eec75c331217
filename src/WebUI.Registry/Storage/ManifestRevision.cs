using System.Text.Json.Serialization;

namespace WebUI.Registry.Storage;

/// <summary>What a repository records about a manifest it holds (the bytes are in the content store).</summary>
internal sealed record ManifestRevision(
    [property: JsonPropertyName("mediaType")] string MediaType,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("subject")] string? Subject);
