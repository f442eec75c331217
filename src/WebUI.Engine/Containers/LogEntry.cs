namespace WebUI.Engine.Containers;

/// <summary>One log record: a whole line (newline included) or the partial piece conmon flushed.</summary>
public sealed record LogEntry(DateTimeOffset Time, LogStream Stream, ReadOnlyMemory<byte> Data);
