using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebUI.Components.Shared;
using WebUI.Services;

namespace WebUI.Components.Pages.Containers;

/// <summary>Live charts of CPU, memory, network and block IO, pushed by the engine's stats stream (no polling); the last minute is kept.</summary>
public partial class ContainerStatsTab : IAsyncDisposable
{
    private const int Window = 60;
    private readonly List<StatsSample> _samples = [];
    private readonly ChartOptions _options = new() { ShowLegend = true };
    private CancellationTokenSource? _cts;
    private Task? _follow;
    private string[] _labels = [];
    private string? _error;

    [Parameter, EditorRequired] public required string ContainerId { get; set; }
    [Parameter] public bool Running { get; set; }

    [Inject] public required ContainerInsightsView View { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        // Follows while the container runs; a new start (the page passes Running again) follows again.
        if (Running && _follow is null or { IsCompleted: true })
        {
            if (_cts is not null) await _cts.CancelAsync();
            _cts = new CancellationTokenSource();
            _follow = FollowAsync(_cts.Token);
        }
    }

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var sample in View.StatsAsync(ContainerId, cancellationToken))
            {
                _samples.Add(sample);
                if (_samples.Count > Window) _samples.RemoveAt(0);
                _labels = [.. _samples.Select((s, i) => i % 10 == 0 ? s.Time.ToLocalTime().ToString("HH:mm:ss") : "")];
                await InvokeAsync(StateHasChanged);
            }
        }
        catch (OperationCanceledException) { }
        catch (Exception e)
        {
            _error = "Reading stats failed: " + UserMessages.For(e);
            await InvokeAsync(StateHasChanged);
        }
    }

    private List<ChartSeries<double>> Series(params (string Name, Func<StatsSample, double> Value)[] series) =>
        [.. series.Select(s => new ChartSeries<double> { Name = s.Name, Data = _samples.Select(s.Value).ToArray() })];

    private static string Rate(double bytesPerSecond) => Formats.Size((long)bytesPerSecond) + "/s";

    public async ValueTask DisposeAsync()
    {
        if (_cts is not null)
        {
            await _cts.CancelAsync();
            if (_follow is not null) await _follow;
            _cts.Dispose();
        }
    }
}
