using System.Text.Json.Serialization;

namespace WebUI.Engine.Distribution;

/// <summary>One manifest an image was pulled with (see <see cref="PulledManifests"/>).</summary>
internal sealed record PulledManifest([property: JsonPropertyName("digest")] string Digest, [property: JsonPropertyName("mediaType")] string MediaType);
