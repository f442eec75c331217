using WebUI.Engine.Containers;

namespace WebUI.Services;

/// <summary>One decoded log line of a container.</summary>
public sealed record LogLine(DateTimeOffset Time, LogStream Stream, string Text);
