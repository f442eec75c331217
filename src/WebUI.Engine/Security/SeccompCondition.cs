using System.Text.Json.Serialization;

namespace WebUI.Engine.Security;

/// <summary>When a rule applies (includes: all of these) or not (excludes: any of these).</summary>
public sealed record SeccompCondition
{
    [JsonPropertyName("caps")] public List<string>? Caps { get; init; }
    /// <summary>Go architecture names: amd64, x86, x32, arm64...</summary>
    [JsonPropertyName("arches")] public List<string>? Arches { get; init; }
    [JsonPropertyName("minKernel")] public string? MinKernel { get; init; }
}
