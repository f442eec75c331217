using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using WebUI.Components.Shared;
using WebUI.Identity;
using WebUI.Terminal;

namespace WebUI.Components.Pages.Containers;

/// <summary>
/// The terminal tab: opens exec or attach sessions in xterm.js (the browser talks to the terminal hub directly) and lists
/// the user's sessions on this container, which live on the server: leave the page, come back, and show one again.
/// </summary>
public partial class ContainerTerminal : IAsyncDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private ElementReference _element;
    private DotNetObjectReference<ContainerTerminal>? _self;
    private IDisposable? _subscription;
    private IReadOnlyList<TerminalSessionInfo> _sessions = [];
    private TerminalMode _mode = TerminalMode.Exec;
    private string? _command = "sh";
    private string? _user;
    private string? _current;
    private string? _owner;
    private string? _error;
    private bool _allowed;
    private bool _checked;
    private bool _busy;

    [Parameter, EditorRequired] public required string ContainerId { get; set; }
    [Parameter] public bool Running { get; set; }
    [CascadingParameter] public Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject] public required TerminalSessions Sessions { get; set; }
    [Inject] public required IUserAccess Access { get; set; }
    [Inject] public required IJSRuntime JS { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _allowed = await Access.IsAllowedAsync(Policies.Operator, _cts.Token);
        _checked = true;
        if (!_allowed || AuthenticationState is null) return;
        _owner = (await AuthenticationState).User.Identity?.Name;
        Refresh();
        _subscription = Sessions.OnChange(() => _ = InvokeAsync(() => { Refresh(); StateHasChanged(); }));
    }

    private void Refresh() => _sessions = _owner is null ? [] : Sessions.List(_owner, ContainerId);

    private string Status() => _sessions.FirstOrDefault(s => s.Id == _current) is { } s
        ? s.Exited ? $"Session {s.Id[..8]} exited with code {s.ExitCode}" : $"Session {s.Id[..8]}: {s.Command} (running)"
        : "";

    private async Task OpenAsync()
    {
        _busy = true;
        _error = null;
        try
        {
            _self ??= DotNetObjectReference.Create(this);
            _current = "";
            StateHasChanged();
            _current = await JS.InvokeAsync<string>("webuiTerminal.open", _cts.Token, _element,
                new { containerId = ContainerId, mode = (int)_mode, command = _command ?? "", user = _user ?? "" }, _self);
            Refresh();
        }
        catch (JSException e)
        {
            _current = null;
            _error = e.Message;
        }
        finally { _busy = false; }
    }

    private async Task AttachAsync(string sessionId)
    {
        _error = null;
        try
        {
            _self ??= DotNetObjectReference.Create(this);
            _current = sessionId;
            StateHasChanged();
            await JS.InvokeVoidAsync("webuiTerminal.attach", _cts.Token, _element, sessionId, _self);
        }
        catch (JSException e)
        {
            _current = null;
            _error = e.Message;
        }
    }

    private async Task CloseAsync(TerminalSessionInfo session)
    {
        _error = null;
        try
        {
            await JS.InvokeVoidAsync("webuiTerminal.close", _cts.Token, session.Id);
            if (session.Exited && session.Id == _current)
            {
                await JS.InvokeVoidAsync("webuiTerminal.dispose", _cts.Token, _element);
                _current = null;
            }
        }
        catch (JSException e) { _error = e.Message; }
        Refresh();
    }

    /// <summary>From the browser when the shown session's process ended.</summary>
    [JSInvokable]
    public Task OnExited(string sessionId, int exitCode) => InvokeAsync(() => { Refresh(); StateHasChanged(); });

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        await _cts.CancelAsync();
        if (_current is not null)
        {
            try { await JS.InvokeVoidAsync("webuiTerminal.dispose", _element); }
            catch (JSDisconnectedException) { }
            catch (OperationCanceledException) { }
        }
        _self?.Dispose();
        _cts.Dispose();
    }
}
