using System.Runtime.CompilerServices;
using System.Threading.Channels;
using WebUI.Engine.Events;

namespace WebUI.Tests.Engine;

/// <summary>An in-memory event bus: keeps every event, calls handlers synchronously, streams to async subscribers.</summary>
public sealed class TestEventBus : IEventBus
{
    private readonly Lock _lock = new();
    private readonly List<EngineEvent> _history = [];
    private readonly List<Action<EngineEvent>> _handlers = [];
    private readonly List<Channel<EngineEvent>> _channels = [];

    public int HandlerCount { get { lock (_lock) return _handlers.Count; } }

    public void Publish(EngineEvent engineEvent)
    {
        Action<EngineEvent>[] handlers;
        lock (_lock)
        {
            _history.Add(engineEvent);
            foreach (var c in _channels) c.Writer.TryWrite(engineEvent);
            handlers = [.. _handlers];
        }
        foreach (var h in handlers) h(engineEvent);
    }

    public void Publish(string type, string action, string id, params (string Key, string Value)[] attributes) =>
        Publish(new EngineEvent(type, action, id, attributes.ToDictionary(a => a.Key, a => a.Value), DateTimeOffset.UtcNow));

    public async IAsyncEnumerable<EngineEvent> SubscribeAsync(DateTimeOffset? since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<EngineEvent>();
        EngineEvent[] past;
        lock (_lock)
        {
            past = since is null ? [] : _history.Where(e => e.Time >= since).ToArray();
            _channels.Add(channel);
        }
        try
        {
            foreach (var e in past) yield return e;
            await foreach (var e in channel.Reader.ReadAllAsync(cancellationToken)) yield return e;
        }
        finally
        {
            lock (_lock) _channels.Remove(channel);
        }
    }

    public IDisposable Subscribe(Action<EngineEvent> handler)
    {
        lock (_lock) _handlers.Add(handler);
        return new Unsubscribe(() => { lock (_lock) _handlers.Remove(handler); });
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
