using System.Text.Json.Serialization;
using WebUI.Engine.Events;

namespace WebUI.DockerApi.Events;

/// <summary>An event as GET /events sends it, with the legacy status/id/from fields old clients read.</summary>
public sealed record EventMessage
{
    [JsonPropertyName("status"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Status { get; init; }
    [JsonPropertyName("id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Id { get; init; }
    [JsonPropertyName("from"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? From { get; init; }
    public required string Type { get; init; }
    public required string Action { get; init; }
    public required EventActor Actor { get; init; }
    [JsonPropertyName("scope")] public string Scope { get; init; } = "local";
    [JsonPropertyName("time")] public long Time { get; init; }
    [JsonPropertyName("timeNano")] public long TimeNano { get; init; }

    public static EventMessage Of(EngineEvent e)
    {
        var legacy = e.Type is "container" or "image";
        var nanos = (e.Time - DateTimeOffset.UnixEpoch).Ticks * 100;
        return new EventMessage
        {
            Status = legacy ? e.Action : null,
            Id = legacy ? e.ActorId : null,
            From = legacy && e.Attributes.TryGetValue("image", out var image) ? image : null,
            Type = e.Type,
            Action = e.Action,
            Actor = new EventActor(e.ActorId, e.Attributes),
            Time = e.Time.ToUnixTimeSeconds(),
            TimeNano = nanos,
        };
    }
}
