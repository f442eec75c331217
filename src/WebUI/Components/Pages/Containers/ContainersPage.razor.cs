using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebUI.Components.Shared;
using WebUI.Identity;
using WebUI.Services;

namespace WebUI.Components.Pages.Containers;

/// <summary>
/// The containers table: paged, sorted and filtered on the server (one in-memory listing of the engine per query, one
/// page of rows rendered), kept current by engine events; bulk actions on the selection. The prerender lists the first
/// page, so the HTML already shows it, and hands it to the circuit (<see cref="ApplicationState"/>): the circuit's first render
/// shows the same rows without listing again, unless a container changed in between.
/// </summary>
public partial class ContainersPage : IDisposable
{
    private static readonly string[] States = ["running", "created", "exited", "paused", "restarting", "dead"];
    private static readonly int[] PageSizes = [10, 25, 50, 100];

    /// <summary>How long a reload waits for more events of the same burst (a bulk stop, a compose up): one reload for them all.</summary>
    public static readonly TimeSpan ReloadDelay = TimeSpan.FromMilliseconds(100);

    private readonly CancellationTokenSource _cts = new();
    private HashSet<string> _selected = new(StringComparer.Ordinal);
    private PagedResult<ContainerRow> _page = new([], 0);
    private IDisposable? _subscription;
    private string? _search;
    private string? _state;
    private string _sortBy = "created";
    private bool _descending = true;
    private int _pageIndex;
    private int _pageSize = 25;
    private long _version;
    private string? _error;
    private bool _busy;
    private int _reloadQueued;
    private int _live;
    private int _changedBeforeLive;

    [Inject] public required ContainersView View { get; set; }
    [Inject] public required IUserAccess Access { get; set; }
    [Inject] public required TimeProvider Time { get; set; }
    [Inject] public required IDialogService Dialogs { get; set; }
    [Inject] public required ISnackbar Snackbar { get; set; }
    [Inject] public required NavigationManager Navigation { get; set; }

    /// <summary>Carries the prerendered page to the circuit (written when the prerender ends, taken once by the circuit).</summary>
    [Inject] public required PersistentComponentState ApplicationState { get; set; }

    private const string StateKey = "containers-page";
    private PersistingComponentStateSubscription _persisting;

    protected override void OnInitialized()
    {
        // Subscribed before the listing is dated, so no change falls between the two.
        _subscription = View.OnChange(_ => QueueReload());
        _persisting = ApplicationState.RegisterOnPersisting(() =>
        {
            ApplicationState.PersistAsJson(StateKey, new ContainersPageState(_search, _state, _sortBy, _descending, _pageIndex, _pageSize, _page, _version));
            return Task.CompletedTask;
        });
        if (ApplicationState.TryTakeFromJson<ContainersPageState>(StateKey, out var restored) && restored is not null && restored.Version == View.ChangeVersion)
        {
            (_search, _state, _sortBy, _descending, _pageIndex, _pageSize, _page, _version) = restored;
            return;
        }
        Load();
    }

    /// <summary>
    /// Only the interactive render follows the engine (after-render never runs while prerendering, which has no circuit
    /// to push to): a change seen before it is reloaded once here.
    /// </summary>
    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender) return;
        Volatile.Write(ref _live, 1);
        if (Volatile.Read(ref _changedBeforeLive) == 1 || _version != View.ChangeVersion) QueueReload();
    }

    private int LastPage => Math.Max(0, (_page.TotalCount - 1) / _pageSize);

    private bool AllSelected => _page.Items.Count > 0 && _page.Items.All(r => _selected.Contains(r.Id));

    /// <summary>Queries the current page; a page past the end (rows went away) moves to the last one. Runs as the page's caller.</summary>
    private void Load()
    {
        try
        {
            _version = View.ChangeVersion;
            _page = Query();
            if (_pageIndex > 0 && _page.Items.Count == 0 && _page.TotalCount > 0)
            {
                _pageIndex = LastPage;
                _page = Query();
            }
            _error = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _error = "Could not list containers: " + UserMessages.For(e);
            _page = new([], 0);
        }
        // The selection is by id and keeps only rows still shown.
        _selected = _page.Items.Where(r => _selected.Contains(r.Id)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
    }

    private PagedResult<ContainerRow> Query() => View.Query(new PageRequest
    {
        Search = _search,
        SortBy = _sortBy,
        Descending = _descending,
        Page = _pageIndex,
        PageSize = _pageSize,
    }, _state);

    /// <summary>
    /// Called on the publishing thread, under the publisher's caller: the reload waits <see cref="ReloadDelay"/> so a
    /// burst of events gives one reload (one more is queued at most while it runs), and lists as this page's user, not
    /// as whoever caused the event (the engine itself sees every team's containers).
    /// </summary>
    private void QueueReload()
    {
        if (Volatile.Read(ref _live) == 0)
        {
            Volatile.Write(ref _changedBeforeLive, 1);
            return;
        }
        if (Interlocked.Exchange(ref _reloadQueued, 1) == 1) return;
        _ = ReloadSoonAsync();
    }

    private async Task ReloadSoonAsync()
    {
        try { await Task.Delay(ReloadDelay, Time, _cts.Token); }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException) { return; }
        Volatile.Write(ref _reloadQueued, 0);
        await AsPageUser.RunAsync(Access, InvokeAsync, () => { Load(); StateHasChanged(); return Task.CompletedTask; }, _cts);
    }

    private Task SearchAsync(string? text)
    {
        _search = string.IsNullOrWhiteSpace(text) ? null : text;
        _pageIndex = 0;
        Load();
        return Task.CompletedTask;
    }

    private Task StateAsync(string? state)
    {
        _state = state;
        _pageIndex = 0;
        Load();
        return Task.CompletedTask;
    }

    /// <summary>A new column sorts ascending (created: newest first); the same column again turns the order round.</summary>
    private Task SortAsync(string key)
    {
        if (_sortBy == key) _descending = !_descending;
        else (_sortBy, _descending) = (key, key == "created");
        _pageIndex = 0;
        Load();
        return Task.CompletedTask;
    }

    private Task GoToAsync(int pageIndex)
    {
        _pageIndex = Math.Clamp(pageIndex, 0, LastPage);
        Load();
        return Task.CompletedTask;
    }

    private Task PageSizeAsync(ChangeEventArgs e)
    {
        if (!int.TryParse(e.Value?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var size) || !PageSizes.Contains(size))
            return Task.CompletedTask;
        _pageSize = size;
        _pageIndex = 0;
        Load();
        return Task.CompletedTask;
    }

    private void Select(string id, ChangeEventArgs e)
    {
        if (e.Value is true) _selected.Add(id);
        else _selected.Remove(id);
    }

    private void SelectAll(ChangeEventArgs e)
    {
        if (e.Value is true) _selected.UnionWith(_page.Items.Select(r => r.Id));
        else _selected.Clear();
    }

    private string RangeText() => _page.TotalCount == 0
        ? "0 of 0"
        : string.Create(CultureInfo.InvariantCulture, $"{_pageIndex * _pageSize + 1}–{_pageIndex * _pageSize + _page.Items.Count} of {_page.TotalCount}");

    private string SortMark(string key) => _sortBy != key ? "" : _descending ? "↓" : "↑";

    private string AriaSort(string key) => _sortBy != key ? "none" : _descending ? "descending" : "ascending";

    private static string StateChip(string state) =>
        $"mud-chip mud-chip-filled mud-chip-size-small mud-chip-color-{StateColors.For(state).ToString().ToLowerInvariant()}";

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
        var rows = _page.Items.Where(r => _selected.Contains(r.Id)).ToList();
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
        Load();
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _persisting.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }
}
