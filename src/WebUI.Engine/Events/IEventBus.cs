namespace WebUI.Engine.Events;

/// <summary>
/// The engine's event stream: subsystems publish, front doors (GET /events, live dashboard views) subscribe.
/// Recent events are kept so a subscriber can start in the past (docker events --since).
/// </summary>
public interface IEventBus
{
    void Publish(EngineEvent engineEvent);

    /// <summary>Events from <paramref name="since"/> (kept ones first, none missed or doubled at the seam), then live ones until cancelled.</summary>
    IAsyncEnumerable<EngineEvent> SubscribeAsync(DateTimeOffset? since, CancellationToken cancellationToken);

    /// <summary>Calls <paramref name="handler"/> for every new event until the returned handle is disposed (for Blazor circuits).</summary>
    IDisposable Subscribe(Action<EngineEvent> handler);
}
