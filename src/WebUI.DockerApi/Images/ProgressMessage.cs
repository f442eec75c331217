using System.Text.Json.Serialization;

namespace WebUI.DockerApi.Images;

/// <summary>A line of Docker's JSON progress stream: "status" for import, "stream" for load.</summary>
public sealed record ProgressMessage(
    [property: JsonPropertyName("status"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Status = null,
    [property: JsonPropertyName("stream"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Stream = null);
