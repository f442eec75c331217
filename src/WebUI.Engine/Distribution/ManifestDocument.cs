using System.Text.Json;
using System.Text.Json.Serialization;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Distribution;

/// <summary>
/// An image manifest or an index (Docker schema2 or OCI), parsed and checked by <see cref="ManifestParser"/>:
/// the one place that decides whether a manifest is acceptable, for the registry and the pull client alike.
/// </summary>
public sealed record ManifestDocument
{
    [JsonPropertyName("schemaVersion")] public int SchemaVersion { get; init; }
    [JsonPropertyName("mediaType"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? MediaType { get; init; }
    [JsonPropertyName("artifactType"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ArtifactType { get; init; }
    [JsonPropertyName("config"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Descriptor? Config { get; init; }
    [JsonPropertyName("layers"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<Descriptor>? Layers { get; init; }
    [JsonPropertyName("manifests"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<Descriptor>? Manifests { get; init; }
    [JsonPropertyName("subject"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Descriptor? Subject { get; init; }
    [JsonPropertyName("annotations"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    /// <summary>The media type the manifest was accepted as: its own mediaType, else the Content-Type it came with.</summary>
    [JsonIgnore] public string ResolvedMediaType { get; init; } = "";

    [JsonIgnore] public bool IsIndex => MediaTypes.IsIndex(ResolvedMediaType);

    /// <summary>Referrers' artifactType: the manifest's artifactType, else its config's media type.</summary>
    [JsonIgnore] public string? EffectiveArtifactType => ArtifactType ?? (IsIndex ? null : Config?.MediaType);

    internal static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = false };

    internal static ManifestDocument Deserialize(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize<ManifestDocument>(json, Json) ?? throw EngineException.Invalid("manifest invalid: empty document");
        }
        catch (JsonException e)
        {
            throw EngineException.Invalid($"manifest invalid: {e.Message}");
        }
    }
}
