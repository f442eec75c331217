using System.Text.Json.Serialization;

namespace WebUI.DockerApi.Distribution;

/// <summary>One line of Docker's JSON message stream for pull and push (jsonmessage.JSONMessage).</summary>
public sealed record JsonMessage
{
    [JsonPropertyName("status"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Status { get; init; }
    [JsonPropertyName("progressDetail")] public JsonProgressDetail ProgressDetail { get; init; } = new();
    [JsonPropertyName("progress"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Progress { get; init; }
    [JsonPropertyName("id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Id { get; init; }
    [JsonPropertyName("aux"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public object? Aux { get; init; }
}
