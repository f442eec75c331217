namespace WebUI.Engine.Containers;

/// <summary>The end of a wait: the exit code, and an error when the container could not be waited for (e.g. a failed start).</summary>
public sealed record WaitResult(int StatusCode, string? Error);
