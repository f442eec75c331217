using System.Text.Json.Serialization;
using WebUI.Engine.Distribution;

namespace WebUI.Registry.Handlers;

/// <summary>The body of GET /v2/&lt;name&gt;/referrers/&lt;digest&gt;: an OCI image index of the referrers' descriptors.</summary>
internal sealed record ReferrersIndex([property: JsonPropertyName("manifests")] IReadOnlyList<Descriptor> Manifests)
{
    [JsonPropertyName("schemaVersion")] public int SchemaVersion => 2;
    [JsonPropertyName("mediaType")] public string MediaType => MediaTypes.OciIndex;
}
