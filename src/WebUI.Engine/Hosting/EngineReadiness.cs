namespace WebUI.Engine.Hosting;

/// <summary>Completes when the engine has initialized; front doors that open before that (Kestrel starts first) wait on it.</summary>
public sealed class EngineReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ready => _ready.Task;

    internal void MarkReady() => _ready.TrySetResult();

    internal void MarkFailed(Exception e) => _ready.TrySetException(e);
}
