using System.Text.Json.Serialization;

namespace WebUI.Engine.Security;

/// <summary>A native architecture and the sub-architectures a process on it may also use (x86_64 → x86, x32).</summary>
public sealed record SeccompArchMap(
    [property: JsonPropertyName("architecture")] string Architecture,
    [property: JsonPropertyName("subArchitectures")] List<string>? SubArchitectures);
