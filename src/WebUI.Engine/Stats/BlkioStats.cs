using System.Text.Json.Serialization;

namespace WebUI.Engine.Stats;

/// <summary>Block IO bytes and operations per device.</summary>
public sealed record BlkioStats
{
    [JsonPropertyName("io_service_bytes_recursive")] public IReadOnlyList<BlkioEntry>? IoServiceBytesRecursive { get; init; }
    [JsonPropertyName("io_serviced_recursive")] public IReadOnlyList<BlkioEntry>? IoServicedRecursive { get; init; }
    [JsonPropertyName("io_queue_recursive")] public IReadOnlyList<BlkioEntry>? IoQueueRecursive { get; init; }
    [JsonPropertyName("io_service_time_recursive")] public IReadOnlyList<BlkioEntry>? IoServiceTimeRecursive { get; init; }
    [JsonPropertyName("io_wait_time_recursive")] public IReadOnlyList<BlkioEntry>? IoWaitTimeRecursive { get; init; }
    [JsonPropertyName("io_merged_recursive")] public IReadOnlyList<BlkioEntry>? IoMergedRecursive { get; init; }
    [JsonPropertyName("io_time_recursive")] public IReadOnlyList<BlkioEntry>? IoTimeRecursive { get; init; }
    [JsonPropertyName("sectors_recursive")] public IReadOnlyList<BlkioEntry>? SectorsRecursive { get; init; }
}
