using WebUI.Engine.Events;

namespace WebUI.Engine.Tests.Events;

public sealed class EventBusTests
{
    private static EngineEvent Event(string action, DateTimeOffset time) =>
        new("container", action, "id1", new Dictionary<string, string> { ["name"] = "c1" }, time);

    [Fact]
    public async Task A_subscriber_from_the_past_gets_kept_events_then_live_ones_in_order()
    {
        var bus = new EventBus();
        var t0 = DateTimeOffset.UtcNow;
        bus.Publish(Event("create", t0.AddSeconds(-10)));
        bus.Publish(Event("start", t0.AddSeconds(-1)));

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var seen = new List<string>();
        var reading = Task.Run(async () =>
        {
            await foreach (var e in bus.SubscribeAsync(t0.AddSeconds(-5), cts.Token))
            {
                seen.Add(e.Action);
                if (seen.Count == 3) break;
            }
        });
        // Publish until the subscriber is registered and has taken the live event.
        while (!reading.IsCompleted)
        {
            bus.Publish(Event("die", DateTimeOffset.UtcNow));
            await Task.WhenAny(reading, Task.Delay(20));
        }
        await reading;
        Assert.Equal(["start", "die", "die"], seen);
    }

    [Fact]
    public void Handlers_stop_receiving_once_disposed_and_a_throwing_handler_does_not_fail_the_publisher()
    {
        var bus = new EventBus();
        var count = 0;
        using var bad = bus.Subscribe(_ => throw new InvalidOperationException("view broke"));
        var sub = bus.Subscribe(_ => count++);
        bus.Publish(Event("start", DateTimeOffset.UtcNow));
        sub.Dispose();
        bus.Publish(Event("stop", DateTimeOffset.UtcNow));
        Assert.Equal(1, count);
    }
}
