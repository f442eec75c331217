using System.Text.Json.Serialization;

namespace WebUI.DockerApi.Build;

/// <summary>One line of POST /build's JSON stream: {"stream": text} or {"aux": {"ID": id}}.</summary>
public sealed record BuildStreamMessage(
    [property: JsonPropertyName("stream"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Stream,
    [property: JsonPropertyName("aux"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] BuildAux? Aux);
