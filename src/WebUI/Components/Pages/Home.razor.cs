using Microsoft.AspNetCore.Components;
using WebUI.Components.Shared;
using WebUI.Engine.Events;
using WebUI.Engine.Security.Admission;
using WebUI.Identity;
using WebUI.Services;

namespace WebUI.Components.Pages;

/// <summary>
/// The home dashboard: counts and disk use, refreshed on every engine event, and the live event feed. Both are read as
/// the page's user (the engine's own events carry no caller, and the engine then sees every team's): counts through the
/// engine's team filter, events through <see cref="TeamScope.CanSeeEvent"/>, as GET /events does.
/// </summary>
public partial class Home : IDisposable
{
    private const int MaxEvents = 50;

    private readonly CancellationTokenSource _cts = new();
    private readonly List<EngineEvent> _events = [];
    private DashboardSummary? _summary;
    private string? _error;
    private IDisposable? _subscription;

    [Inject] public required DashboardView View { get; set; }
    [Inject] public required IUserAccess Access { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _subscription = View.OnChange(() => _ = RefreshForEventAsync());
        _ = FollowEventsAsync(_cts.Token);
        await RefreshAsync();
    }

    private async Task RefreshAsync()
    {
        try
        {
            _summary = await View.SummaryAsync(_cts.Token);
            _error = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _error = "Could not read the engine's state: " + UserMessages.For(e);
        }
        StateHasChanged();
    }

    /// <summary>Called on the publishing thread: the counts are read again as this page's user (<see cref="AsPageUser"/>).</summary>
    private Task RefreshForEventAsync() => AsPageUser.RunAsync(Access, InvokeAsync, RefreshAsync, _cts);

    private async Task FollowEventsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var e in View.EventsAsync(cancellationToken))
            {
                // Asked per event (answered from the session cache): a changed role or team applies to the next one.
                if (!TeamScope.CanSeeEvent(await Access.CallerAsync(cancellationToken), e.Attributes)) continue;
                await InvokeAsync(() =>
                {
                    _events.Insert(0, e);
                    if (_events.Count > MaxEvents) _events.RemoveAt(_events.Count - 1);
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException) { }
    }

    private static string Describe(EngineEvent e) =>
        e.Attributes.TryGetValue("name", out var name) ? $"{name} ({Formats.ShortId(e.ActorId)})" : Formats.ShortId(e.ActorId);

    public void Dispose()
    {
        _subscription?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }
}
