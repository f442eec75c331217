using System.Text.Json.Serialization;

namespace WebUI.Engine.Images;

/// <summary>The platform of an index entry.</summary>
internal sealed record OciPlatform
{
    [JsonPropertyName("architecture")] public string? Architecture { get; init; }
    [JsonPropertyName("os")] public string? Os { get; init; }
}
