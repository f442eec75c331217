using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using WebUI.DockerApi.Hosting;
using WebUI.Engine.Errors;
using WebUI.Engine.Events;
using WebUI.Engine.Security.Admission;

namespace WebUI.DockerApi.Events;

/// <summary>Docker Engine API: GET /events, a JSON message per event, streamed until `until` or the client leaves.</summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/events", StreamEventsAsync);
        return app;
    }

    private static async Task StreamEventsAsync(HttpContext context, [FromServices] IEventBus bus, [FromServices] TimeProvider time)
    {
        var since = ParseTime(DockerQuery.String(context.Request, "since"), "since");
        var until = ParseTime(DockerQuery.String(context.Request, "until"), "until");
        var filter = new EventFilter(DockerQuery.Filters(context.Request));
        // A non-Admin caller (a token's user on TCP) sees only its teams' and shared objects' events.
        var caller = CallerContext.Current;

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        if (until is not null)
        {
            var wait = until.Value - time.GetUtcNow();
            cts.CancelAfter(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
        }

        await DockerStream.StartAsync(context.Response, context.RequestAborted);
        // The headers go out now: docker stats (no names) waits for them before it lists the containers.
        await context.Response.Body.FlushAsync(context.RequestAborted);
        try
        {
            await foreach (var e in bus.SubscribeAsync(since, cts.Token))
            {
                if (until is not null && e.Time > until) break;
                // Written under the client's token, not `until`'s: an `until` already past still gets the events it covers
                // from the history; `until` only ends the wait for new ones.
                if (filter.Matches(e) && TeamScope.CanSeeEvent(caller, e.Attributes)) await DockerStream.WriteAsync(context.Response, EventMessage.Of(e), context.RequestAborted);
            }
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            // `until` reached: the stream ends normally.
        }
    }

    /// <summary>Docker's timestamps: seconds since the epoch with an optional fraction ("1700000000.5"), as the CLI sends them.</summary>
    internal static DateTimeOffset? ParseTime(string? value, string name)
    {
        if (value is null) return null;
        if (decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
            return DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) return t;
        throw EngineException.Invalid($"invalid value for {name}: {value}");
    }
}
