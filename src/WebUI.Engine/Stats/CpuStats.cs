using System.Text.Json.Serialization;

namespace WebUI.Engine.Stats;

/// <summary>CPU time of the container and of the whole host, in nanoseconds.</summary>
public sealed record CpuStats
{
    [JsonPropertyName("cpu_usage")] public CpuUsage CpuUsage { get; init; } = new();
    [JsonPropertyName("system_cpu_usage"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public ulong SystemCpuUsage { get; init; }
    [JsonPropertyName("online_cpus"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public uint OnlineCpus { get; init; }
    [JsonPropertyName("throttling_data")] public ThrottlingData ThrottlingData { get; init; } = new();
}
