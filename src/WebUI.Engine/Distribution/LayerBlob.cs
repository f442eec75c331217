using System.Text.Json.Serialization;

namespace WebUI.Engine.Distribution;

/// <summary>A compressed (or plain) layer blob known to unpack to a diff id, with the repositories it came from or went to.</summary>
internal sealed record LayerBlob(
    [property: JsonPropertyName("digest")] string Digest,
    [property: JsonPropertyName("mediaType")] string MediaType,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("repositories")] IReadOnlyList<string> Repositories);
