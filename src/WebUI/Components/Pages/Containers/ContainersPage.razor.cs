using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebUI.Components.Shared;
using WebUI.Services;

namespace WebUI.Components.Pages.Containers;

/// <summary>The containers table: server-side paged, sorted and filtered, kept current by engine events; bulk actions on the selection.</summary>
public partial class ContainersPage : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private MudTable<ContainerRow>? _table;
    private HashSet<ContainerRow> _selected = [];
    private IDisposable? _subscription;
    private static readonly string[] States = ["running", "created", "exited", "paused", "restarting", "dead"];
    private string? _search;
    private string? _state;
    private string? _error;
    private bool _loading = true;
    private bool _busy;

    [Inject] public required ContainersView View { get; set; }
    [Inject] public required IDialogService Dialogs { get; set; }
    [Inject] public required ISnackbar Snackbar { get; set; }
    [Inject] public required NavigationManager Navigation { get; set; }

    protected override void OnInitialized() =>
        _subscription = View.OnChange(id => _ = InvokeAsync(ReloadAsync));

    private Task<TableData<ContainerRow>> ServerDataAsync(TableState state, CancellationToken cancellationToken)
    {
        try
        {
            var page = View.Query(new PageRequest
            {
                Search = _search,
                SortBy = state.SortLabel,
                Descending = state.SortDirection == SortDirection.Descending,
                Page = state.Page,
                PageSize = state.PageSize,
            }, _state);
            _error = null;
            // Rows are rebuilt on every load: keep the selection by id.
            var selectedIds = _selected.Select(r => r.Id).ToHashSet();
            _selected = page.Items.Where(r => selectedIds.Contains(r.Id)).ToHashSet();
            return Task.FromResult(new TableData<ContainerRow> { Items = page.Items, TotalItems = page.TotalCount });
        }
        catch (Exception e)
        {
            _error = "Could not list containers: " + UserMessages.For(e);
            // The error is shown outside the table, which re-renders only itself.
            _ = InvokeAsync(StateHasChanged);
            return Task.FromResult(new TableData<ContainerRow> { Items = [], TotalItems = 0 });
        }
        finally
        {
            _loading = false;
        }
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    private async Task SearchAsync(string? text)
    {
        _search = text;
        await ReloadAsync();
    }

    private async Task StateAsync(string? state)
    {
        _state = state;
        await ReloadAsync();
    }

    private static string PortText(WebUI.Engine.Networks.PortMapping p) =>
        $"{(p.HostIP is "" or "0.0.0.0" ? "" : p.HostIP + ":")}{p.HostPort}→{p.ContainerPort}/{p.Protocol}";

    /// <summary>A port published on all addresses opens on the host the browser reached the dashboard at.</summary>
    private string PortUrl(WebUI.Engine.Networks.PortMapping p)
    {
        var host = p.HostIP is "" or "0.0.0.0" or "::" ? new Uri(Navigation.BaseUri).Host : p.HostIP;
        if (host.Contains(':') && !host.StartsWith('[')) host = $"[{host}]";
        return $"http://{host}:{p.HostPort}/";
    }

    private async Task ApplyAsync(ContainerAction action)
    {
        var rows = _selected.ToList();
        if (rows.Count == 0) return;
        var names = string.Join(", ", rows.Select(r => r.Name));
        var force = false;
        if (action is ContainerAction.Remove or ContainerAction.Stop or ContainerAction.Restart)
        {
            var verb = action.ToString();
            var answer = await ConfirmDialog.AskAsync(Dialogs, $"{verb} {rows.Count} container{(rows.Count == 1 ? "" : "s")}",
                $"{verb} {names}?", verb,
                action == ContainerAction.Remove ? "Force (kill running containers first)" : null);
            if (answer is null) return;
            force = answer.Value;
        }
        _busy = true;
        try
        {
            var result = await View.ApplyAsync(action, rows.Select(r => r.Id).ToList(), force, _cts.Token);
            if (result.Succeeded.Count > 0)
                Snackbar.Add($"{action}: {result.Succeeded.Count} container{(result.Succeeded.Count == 1 ? "" : "s")} done", Severity.Success);
            foreach (var (id, error) in result.Failed)
                Snackbar.Add($"{rows.First(r => r.Id == id).Name}: {error}", Severity.Error);
            if (action == ContainerAction.Remove) _selected.Clear();
        }
        catch (OperationCanceledException) { }
        finally
        {
            _busy = false;
        }
        await ReloadAsync();
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }
}
