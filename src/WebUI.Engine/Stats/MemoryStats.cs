using System.Text.Json.Serialization;

namespace WebUI.Engine.Stats;

/// <summary>Memory use and limit in bytes, with the cgroup's memory.stat counters.</summary>
public sealed record MemoryStats
{
    [JsonPropertyName("usage"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public ulong Usage { get; init; }
    [JsonPropertyName("max_usage"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public ulong MaxUsage { get; init; }
    [JsonPropertyName("stats"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Dictionary<string, ulong>? Stats { get; init; }
    [JsonPropertyName("failcnt"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public ulong Failcnt { get; init; }
    [JsonPropertyName("limit"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public ulong Limit { get; init; }
}
