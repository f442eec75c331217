using System.Text.Json.Serialization;

namespace WebUI.Registry.Handlers;

/// <summary>The body of GET /v2/&lt;name&gt;/tags/list.</summary>
internal sealed record TagsResponse(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags);
