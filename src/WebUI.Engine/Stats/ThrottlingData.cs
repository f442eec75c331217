using System.Text.Json.Serialization;

namespace WebUI.Engine.Stats;

/// <summary>CFS throttling of the container.</summary>
public sealed record ThrottlingData
{
    [JsonPropertyName("periods")] public ulong Periods { get; init; }
    [JsonPropertyName("throttled_periods")] public ulong ThrottledPeriods { get; init; }
    [JsonPropertyName("throttled_time")] public ulong ThrottledTime { get; init; }
}
