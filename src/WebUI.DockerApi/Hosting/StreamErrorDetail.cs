namespace WebUI.DockerApi.Hosting;

/// <summary>The detail of a stream error.</summary>
public sealed record StreamErrorDetail([property: System.Text.Json.Serialization.JsonPropertyName("message")] string Message);
