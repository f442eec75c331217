using System.Text.Json.Serialization;

namespace WebUI.DockerApi.Distribution;

/// <summary>Byte progress of one layer; empty ({}) for statuses without it.</summary>
public sealed record JsonProgressDetail
{
    [JsonPropertyName("current"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? Current { get; init; }
    [JsonPropertyName("total"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? Total { get; init; }
}
