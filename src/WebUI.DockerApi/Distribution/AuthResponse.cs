using System.Text.Json.Serialization;

namespace WebUI.DockerApi.Distribution;

/// <summary>The answer of POST /auth.</summary>
public sealed record AuthResponse(
    [property: JsonPropertyName("Status")] string Status,
    [property: JsonPropertyName("IdentityToken"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? IdentityToken = null);
