using System.Text.Json.Serialization;

namespace WebUI.Registry.Uploads;

/// <summary>The metadata of one upload session (its bytes are in the session's data file).</summary>
internal sealed record UploadSessionInfo(
    [property: JsonPropertyName("repository")] string Repository,
    [property: JsonPropertyName("startedAt")] DateTimeOffset StartedAt);
