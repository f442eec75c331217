namespace WebUI.DockerApi.Hosting;

/// <summary>An error inside a JSON message stream.</summary>
public sealed record StreamError(
    [property: System.Text.Json.Serialization.JsonPropertyName("errorDetail")] StreamErrorDetail ErrorDetail,
    [property: System.Text.Json.Serialization.JsonPropertyName("error")] string Error);
