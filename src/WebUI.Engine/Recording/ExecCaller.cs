namespace WebUI.Engine.Recording;

/// <summary>
/// Who starts an exec, for its recording. The front door sets it around its call into the exec service (the dashboard
/// terminal: the signed-in user; the Docker API socket: its peer's uid), so the exec service's signature stays Docker's.
/// Flows with the async call; unset means the engine started the exec itself (health probes are never recorded).
/// </summary>
public static class ExecCaller
{
    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>The caller set by the enclosing front door, or null.</summary>
    public static string? Name => Current.Value;

    /// <summary>Sets the caller until the returned scope is disposed.</summary>
    public static IDisposable Enter(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var previous = Current.Value;
        Current.Value = name;
        return new Scope(previous);
    }

    private sealed class Scope(string? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
