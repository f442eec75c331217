using System.Text.Json.Serialization;

namespace WebUI.Engine.Stats;

/// <summary>The container's CPU time in nanoseconds.</summary>
public sealed record CpuUsage
{
    [JsonPropertyName("total_usage")] public ulong TotalUsage { get; init; }
    [JsonPropertyName("percpu_usage"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<ulong>? PercpuUsage { get; init; }
    [JsonPropertyName("usage_in_kernelmode")] public ulong UsageInKernelmode { get; init; }
    [JsonPropertyName("usage_in_usermode")] public ulong UsageInUsermode { get; init; }
}
