using WebUI.Engine.Events;

namespace WebUI.Services;

/// <summary>
/// A count of the engine's container events since the server started (one for the whole server): a page that shows a
/// listing taken at one count knows it is still current while the count has not moved, without listing again.
/// </summary>
public sealed class ContainerChanges : IDisposable
{
    private readonly IDisposable _subscription;
    private long _version;

    public ContainerChanges(IEventBus events) =>
        _subscription = events.Subscribe(e => { if (e.Type == "container") Interlocked.Increment(ref _version); });

    public long Version => Interlocked.Read(ref _version);

    public void Dispose() => _subscription.Dispose();
}
