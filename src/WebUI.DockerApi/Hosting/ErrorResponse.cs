namespace WebUI.DockerApi.Hosting;

/// <summary>Docker's error body.</summary>
public sealed record ErrorResponse(string Message)
{
    [System.Text.Json.Serialization.JsonPropertyName("message")]
    public string Message { get; init; } = Message;
}
