using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using WebUI.Components.Shared;
using WebUI.Engine.Containers;
using WebUI.Services;

namespace WebUI.Components.Pages.Containers;

/// <summary>
/// A container's log, streamed live: the last lines, then new ones as they are written; follows again when the container
/// starts again. Search highlights (optionally filters), stream filter, timestamps and download act on the lines in memory.
/// </summary>
public partial class ContainerLogs : IAsyncDisposable
{
    /// <summary>Lines kept in the browser view; older ones are dropped (download the log for all).</summary>
    private const int MaxLines = 20_000;
    private const int InitialTail = 1000;

    private readonly CancellationTokenSource _cts = new();
    private readonly List<LogLine> _lines = [];
    private ElementReference _scroller;
    private IDisposable? _subscription;
    private Task? _follow;
    private bool _following;
    private bool _renderPending;
    private int _dropped;
    private string? _search;
    private bool _onlyMatching;
    private bool _timestamps;
    private bool _autoScroll = true;
    private string _streams = "all";
    private string? _error;

    [Parameter, EditorRequired] public required string ContainerId { get; set; }

    [Inject] public required ContainersView View { get; set; }
    [Inject] public required IJSRuntime JS { get; set; }

    protected override void OnInitialized()
    {
        _subscription = View.OnChange(id =>
        {
            // The log ends when the container stops; a new start writes more, so follow again.
            if (id == ContainerId && !_following) _ = InvokeAsync(StartFollowing);
        });
        StartFollowing();
    }

    private void StartFollowing()
    {
        if (_following) return;
        _following = true;
        _follow = FollowAsync(_lines.Count == 0 ? null : _lines[^1].Time, _cts.Token);
    }

    private async Task FollowAsync(DateTimeOffset? after, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var line in View.LogsAsync(ContainerId, after is null ? InitialTail : null, after, follow: true, cancellationToken))
            {
                if (after is { } a && line.Time <= a) continue;
                _lines.Add(line);
                if (_lines.Count > MaxLines)
                {
                    _dropped += _lines.Count - MaxLines;
                    _lines.RemoveRange(0, _lines.Count - MaxLines);
                }
                ScheduleRender();
            }
        }
        catch (OperationCanceledException) { return; }
        catch (Exception e)
        {
            _error = "Reading the log failed: " + UserMessages.For(e);
        }
        _following = false;
        await InvokeAsync(StateHasChanged);
    }

    /// <summary>At most about ten renders a second however fast the container writes.</summary>
    private void ScheduleRender()
    {
        if (_renderPending) return;
        _renderPending = true;
        _ = Task.Delay(100, _cts.Token).ContinueWith(_ => InvokeAsync(() =>
        {
            _renderPending = false;
            StateHasChanged();
        }), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_autoScroll && _lines.Count > 0)
        {
            try { await JS.InvokeVoidAsync("webui.scrollToBottom", _scroller); }
            catch (JSDisconnectedException) { }
        }
    }

    private List<LogLine> Visible() => _lines
        .Where(l => _streams == "all" || (_streams == "stderr") == (l.Stream == LogStream.Stderr))
        .Where(l => !_onlyMatching || Matches(l))
        .ToList();

    private bool Matches(LogLine line) => !string.IsNullOrEmpty(_search) && line.Text.Contains(_search, StringComparison.OrdinalIgnoreCase);

    /// <summary>The text cut into pieces, each marked as a search hit or not.</summary>
    private IEnumerable<(string Text, bool Hit)> Highlight(string text)
    {
        if (string.IsNullOrEmpty(_search))
        {
            yield return (text, false);
            yield break;
        }
        var at = 0;
        while (at < text.Length)
        {
            var hit = text.IndexOf(_search, at, StringComparison.OrdinalIgnoreCase);
            if (hit < 0) break;
            if (hit > at) yield return (text[at..hit], false);
            yield return (text.Substring(hit, _search.Length), true);
            at = hit + _search.Length;
        }
        if (at < text.Length) yield return (text[at..], false);
    }

    private async Task DownloadAsync()
    {
        var text = string.Join("\n", Visible().Select(l => _timestamps ? $"{l.Time:yyyy-MM-ddTHH:mm:ss.fffffffZ} {l.Text}" : l.Text)) + "\n";
        await JS.InvokeVoidAsync("webui.downloadText", $"{Formats.ShortId(ContainerId)}.log", text);
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        await _cts.CancelAsync();
        if (_follow is not null)
        {
            try { await _follow; }
            catch (OperationCanceledException) { }
        }
        _cts.Dispose();
    }
}
