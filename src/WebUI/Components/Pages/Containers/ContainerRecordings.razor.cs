using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using WebUI.Components.Shared;
using WebUI.Engine.Recording;
using WebUI.Identity;
using WebUI.Terminal;

namespace WebUI.Components.Pages.Containers;

/// <summary>
/// The container's recorded exec sessions (asciicast v2), with who ran them, replayed in xterm.js at their recorded pace.
/// Listing is for every role; a replay shows what was typed and printed, so it needs Operator, like exec itself.
/// </summary>
public partial class ContainerRecordings : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private ElementReference _player;
    private IReadOnlyList<RecordingInfo>? _recordings;
    private IDisposable? _subscription;
    private string? _error;
    private bool _playing;

    [Parameter, EditorRequired] public required string ContainerId { get; set; }

    [Inject] public required IExecRecordings Recordings { get; set; }
    [Inject] public required TerminalSessions Sessions { get; set; }
    [Inject] public required IUserAccess Access { get; set; }
    [Inject] public required IJSRuntime JS { get; set; }

    protected override void OnInitialized()
    {
        Refresh();
        // A terminal session opening or ending changes the list; Docker API sessions show on refresh.
        _subscription = Sessions.OnChange(() => _ = InvokeAsync(() => { Refresh(); StateHasChanged(); }));
    }

    private void Refresh()
    {
        try
        {
            _recordings = Recordings.List(ContainerId);
            _error = null;
        }
        catch (Exception e) { _error = UserMessages.For(e); _recordings = []; }
    }

    private async Task ReplayAsync(RecordingInfo recording)
    {
        _error = null;
        try
        {
            await Access.DemandAsync(Policies.Operator, _cts.Token);
            var cast = await Recordings.ReadAsync(ContainerId, recording.Id, _cts.Token);
            _playing = true;
            StateHasChanged();
            await JS.InvokeVoidAsync("webuiTerminal.replay", _cts.Token, _player, cast, 1);
        }
        catch (OperationCanceledException) { }
        catch (Exception e) when (e is not JSDisconnectedException) { _error = UserMessages.For(e); }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }
}
