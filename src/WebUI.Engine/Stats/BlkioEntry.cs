using System.Text.Json.Serialization;

namespace WebUI.Engine.Stats;

/// <summary>One device's counter for one operation (Read, Write, Sync, Async, Discard, Total).</summary>
public sealed record BlkioEntry(
    [property: JsonPropertyName("major")] ulong Major,
    [property: JsonPropertyName("minor")] ulong Minor,
    [property: JsonPropertyName("op")] string Op,
    [property: JsonPropertyName("value")] ulong Value);
