namespace WebUI.Engine.Containers;

/// <summary>docker logs: which streams, follow, the last N lines, a time window.</summary>
public sealed record LogOptions
{
    public bool Stdout { get; init; } = true;
    public bool Stderr { get; init; } = true;
    public bool Follow { get; init; }
    /// <summary>Only the last N entries; null for all.</summary>
    public int? Tail { get; init; }
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? Until { get; init; }
}
