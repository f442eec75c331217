using System.Text.Json.Serialization;

namespace WebUI.Engine.Stats;

/// <summary>Number of tasks in the container and its pids limit (0: none).</summary>
public sealed record PidsStats
{
    [JsonPropertyName("current"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public ulong Current { get; init; }
    [JsonPropertyName("limit"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public ulong Limit { get; init; }
}
