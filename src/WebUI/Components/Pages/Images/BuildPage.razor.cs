using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using WebUI.Components.Shared;
using WebUI.Services;

namespace WebUI.Components.Pages.Images;

/// <summary>Builds an image from a pasted Dockerfile or an uploaded context; the log streams in as the engine writes it; cancellable.</summary>
public partial class BuildPage : IDisposable
{
    private const long MaxContext = 16L * 1024 * 1024 * 1024;
    /// <summary>The log kept on screen; the start is dropped beyond this (a long build's early output).</summary>
    private const int MaxLogChars = 1024 * 1024;

    private readonly BuildForm _form = new();
    private readonly StringBuilder _logText = new();
    private CancellationTokenSource? _cts;
    private IBrowserFile? _context;
    private string _log = "";
    private string? _error;
    private string? _imageId;
    private bool _running;
    private static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(100);
    private DateTime _lastRender;
    private bool _flushPending;

    [Inject] public required BuildView View { get; set; }

    private void ChooseContext(InputFileChangeEventArgs e) => _context = e.File;

    private void ClearContext() => _context = null;

    private async Task BuildAsync()
    {
        _cts = new CancellationTokenSource();
        _running = true;
        _error = null;
        _imageId = null;
        _logText.Clear();
        _log = "";
        try
        {
            await using var context = _context?.OpenReadStream(MaxContext, _cts.Token);
            _imageId = await View.BuildAsync(_form, context, AppendAsync, _cts.Token);
        }
        catch (Exception e)
        {
            _error = _cts.IsCancellationRequested ? "The build was cancelled." : "The build failed: " + UserMessages.For(e);
        }
        finally
        {
            _running = false;
            _log = _logText.ToString();
            _cts.Dispose();
            _cts = null;
        }
    }

    /// <summary>Runs on the circuit's context, so the log is only touched there.</summary>
    private Task AppendAsync(string text) => InvokeAsync(() =>
    {
        _logText.Append(text);
        if (_logText.Length > MaxLogChars) _logText.Remove(0, _logText.Length - MaxLogChars);
        // Redraw a few times a second at most (a chatty RUN step must not flood the circuit), and once more after a burst.
        if (_flushPending) return;
        var wait = RenderInterval - (DateTime.UtcNow - _lastRender);
        if (wait <= TimeSpan.Zero)
        {
            Flush();
            return;
        }
        _flushPending = true;
        _ = Task.Delay(wait).ContinueWith(_ => InvokeAsync(Flush), TaskScheduler.Default);
    });

    private void Flush()
    {
        _flushPending = false;
        _lastRender = DateTime.UtcNow;
        _log = _logText.ToString();
        StateHasChanged();
    }

    private void Cancel() => _cts?.Cancel();

    public void Dispose() => _cts?.Cancel();
}
