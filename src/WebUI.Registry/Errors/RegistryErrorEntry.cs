using System.Text.Json.Serialization;

namespace WebUI.Registry.Errors;

/// <summary>One entry of <see cref="RegistryErrorBody"/>.</summary>
internal sealed record RegistryErrorEntry(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("detail"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? Detail);
