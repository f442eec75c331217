namespace WebUI.Engine.Security.Admission;

/// <summary>
/// The caller of the current operation, carried with the async flow: each front door (Docker API listener, dashboard
/// circuit, registry) enters it before calling the engine, and the engine's checks read it. Unset: the engine itself.
/// </summary>
public static class CallerContext
{
    private static readonly AsyncLocal<Caller?> Slot = new();

    public static Caller? Current => Slot.Value;

    /// <summary>Sets the caller until the returned scope is disposed (then the previous one again).</summary>
    public static IDisposable Enter(Caller caller)
    {
        var previous = Slot.Value;
        Slot.Value = caller;
        return new Scope(previous);
    }

    private sealed class Scope(Caller? previous) : IDisposable
    {
        public void Dispose() => Slot.Value = previous;
    }
}
