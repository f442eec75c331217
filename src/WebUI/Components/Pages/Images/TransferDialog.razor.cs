using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebUI.Components.Shared;
using WebUI.Engine.Distribution;
using WebUI.Services;

namespace WebUI.Components.Pages.Images;

/// <summary>Runs one pull or push, showing the engine's progress events per layer as they arrive.</summary>
public partial class TransferDialog
{
    private readonly TransferProgress _progress = new();
    /// <summary>Events from the engine's threads, applied in order on the renderer's thread.</summary>
    private readonly ConcurrentQueue<DistributionProgress> _pending = new();
    private CancellationTokenSource? _cts;
    private string? _reference;
    private string? _username;
    private string? _password;
    private string? _error;
    private bool _running;
    private bool _done;
    private bool _renderPending;

    [CascadingParameter] public required IMudDialogInstance Dialog { get; set; }

    /// <summary>Push instead of pull.</summary>
    [Parameter] public bool Push { get; set; }

    /// <summary>The reference to start with.</summary>
    [Parameter] public string? Reference { get; set; }

    protected override void OnInitialized() => _reference = Reference;

    private async Task StartAsync()
    {
        _cts = new CancellationTokenSource();
        _running = true;
        _error = null;
        var progress = new CallbackProgress<DistributionProgress>(p =>
        {
            _pending.Enqueue(p);
            ScheduleRender();
        });
        try
        {
            if (Push)
            {
                var pushed = await View.PushAsync(_reference!, _username, _password, progress, _cts.Token);
                Drain();
                if (!_progress.HasOutcome) _progress.Apply(new DistributionProgress($"Pushed {_reference}: digest {pushed.Digest} size {pushed.Size}"));
            }
            else
            {
                var pulled = await View.PullAsync(_reference!, _username, _password, progress, _cts.Token);
                Drain();
                if (!_progress.HasOutcome) _progress.Apply(new DistributionProgress(pulled.Updated
                    ? $"Downloaded newer image for {_reference} ({pulled.Digest})"
                    : $"Image is up to date for {_reference} ({pulled.Digest})"));
            }
            _done = true;
        }
        catch (OperationCanceledException)
        {
            _error = Push ? "Push cancelled." : "Pull cancelled; nothing partial was kept.";
        }
        catch (Exception e)
        {
            _error = UserMessages.For(e);
        }
        finally
        {
            Drain();
            _running = false;
            _cts.Dispose();
            _cts = null;
        }
    }

    private void Drain()
    {
        while (_pending.TryDequeue(out var p)) _progress.Apply(p);
    }

    private void CancelTransfer() => _cts?.Cancel();

    private void ScheduleRender()
    {
        if (_renderPending) return;
        _renderPending = true;
        _ = Task.Delay(100).ContinueWith(_ => InvokeAsync(() =>
        {
            _renderPending = false;
            Drain();
            StateHasChanged();
        }), TaskScheduler.Default);
    }

    public void Dispose() => _cts?.Cancel();
}
