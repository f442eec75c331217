using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace WebUI.Engine.Events;

/// <summary>In-process event bus with a bounded history; a slow subscriber loses its oldest undelivered events, never blocks publishers.</summary>
internal sealed class EventBus : IEventBus
{
    private const int HistorySize = 1024;
    private const int SubscriberBuffer = 4096;

    private readonly Lock _lock = new();
    private readonly Queue<EngineEvent> _history = new();
    private readonly List<Channel<EngineEvent>> _channels = [];
    private readonly List<Action<EngineEvent>> _handlers = [];

    public void Publish(EngineEvent engineEvent)
    {
        Action<EngineEvent>[] handlers;
        lock (_lock)
        {
            _history.Enqueue(engineEvent);
            if (_history.Count > HistorySize) _history.Dequeue();
            foreach (var c in _channels) c.Writer.TryWrite(engineEvent);
            handlers = [.. _handlers];
        }
        foreach (var h in handlers)
        {
            // A failing view must not fail the operation that published the event.
            try { h(engineEvent); }
            catch (Exception) { }
        }
    }

    public async IAsyncEnumerable<EngineEvent> SubscribeAsync(DateTimeOffset? since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<EngineEvent>(new BoundedChannelOptions(SubscriberBuffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        EngineEvent[] past;
        lock (_lock)
        {
            // Snapshot and registration under one lock: no event is missed or seen twice at the seam.
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
        return new Subscription(() => { lock (_lock) _handlers.Remove(handler); });
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
