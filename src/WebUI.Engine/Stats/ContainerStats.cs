using System.Text.Json.Serialization;

namespace WebUI.Engine.Stats;

/// <summary>One stats sample in the shape of Docker's GET /containers/{id}/stats (the CLI computes CPU % from it and the previous one).</summary>
public sealed record ContainerStats
{
    [JsonPropertyName("read")] public DateTimeOffset Read { get; init; }
    [JsonPropertyName("preread")] public DateTimeOffset PreRead { get; init; }
    [JsonPropertyName("pids_stats")] public PidsStats PidsStats { get; init; } = new();
    [JsonPropertyName("blkio_stats")] public BlkioStats BlkioStats { get; init; } = new();
    [JsonPropertyName("num_procs")] public int NumProcs { get; init; }
    [JsonPropertyName("storage_stats")] public Dictionary<string, long> StorageStats { get; init; } = new();
    [JsonPropertyName("cpu_stats")] public CpuStats CpuStats { get; init; } = new();
    [JsonPropertyName("precpu_stats")] public CpuStats PreCpuStats { get; init; } = new();
    [JsonPropertyName("memory_stats")] public MemoryStats MemoryStats { get; init; } = new();
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("networks"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Dictionary<string, NetworkStats>? Networks { get; init; }
}
