using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using MudBlazor;
using WebUI.Components.Shared;
using WebUI.Services;

namespace WebUI.Components.Pages.Images;

/// <summary>The images page: a server-side paged table kept current by engine events, load, tag, history, save and remove.</summary>
public partial class ImagesPage : IDisposable
{
    /// <summary>Largest tarball accepted from the browser.</summary>
    private const long MaxUpload = 64L * 1024 * 1024 * 1024;

    private readonly CancellationTokenSource _cts = new();
    private MudTable<ImageRow>? _table;
    private IDisposable? _subscription;
    private string? _search;
    private string? _error;
    /// <summary>Kept apart from listing errors so a later successful reload does not hide it.</summary>
    private string? _loadError;
    private bool _loading = true;
    private long? _loadProgress;
    private long _loadSize;
    private string? _loadName;
    private CancellationTokenSource? _loadCts;
    private readonly List<string> _loadResult = [];

    [Inject] public required ImagesView View { get; set; }
    [Inject] public required IDialogService Dialogs { get; set; }
    [Inject] public required ISnackbar Snackbar { get; set; }
    [Inject] public required IJSRuntime JS { get; set; }

    protected override void OnInitialized() =>
        _subscription = View.OnChange(() => _ = InvokeAsync(ReloadAsync));

    private async Task<TableData<ImageRow>> ServerDataAsync(TableState state, CancellationToken cancellationToken)
    {
        try
        {
            var page = await View.QueryAsync(new PageRequest
            {
                Search = _search,
                SortBy = state.SortLabel,
                Descending = state.SortDirection == SortDirection.Descending,
                Page = state.Page,
                PageSize = state.PageSize,
            }, cancellationToken);
            _error = null;
            return new TableData<ImageRow> { Items = page.Items, TotalItems = page.TotalCount };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _error = "Could not list images: " + UserMessages.For(e);
            // The error is shown outside the table, which re-renders only itself.
            _ = InvokeAsync(StateHasChanged);
            return new TableData<ImageRow> { Items = [], TotalItems = 0 };
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

    private async Task LoadAsync(InputFileChangeEventArgs args)
    {
        var file = args.File;
        _loadCts = CancellationTokenSource.CreateLinkedTokenSource(_cts.Token);
        _loadName = file.Name;
        _loadSize = file.Size;
        _loadProgress = 0;
        _loadError = null;
        _loadResult.Clear();
        var lastRender = DateTime.MinValue;
        var progress = new Progress<long>(n =>
        {
            _loadProgress = n;
            // Redraw a few times a second, not for every chunk.
            if ((DateTime.UtcNow - lastRender).TotalMilliseconds < 200) return;
            lastRender = DateTime.UtcNow;
            _ = InvokeAsync(StateHasChanged);
        });
        try
        {
            await using var stream = file.OpenReadStream(MaxUpload, _loadCts.Token);
            await foreach (var line in View.LoadAsync(stream, progress, _loadCts.Token))
                _loadResult.Add(line);
        }
        catch (Exception e)
        {
            _loadError = $"Loading {file.Name} failed: {UserMessages.For(e)}";
        }
        finally
        {
            _loadProgress = null;
            _loadCts.Dispose();
            _loadCts = null;
        }
        await ReloadAsync();
    }

    private void CancelLoad() => _loadCts?.Cancel();

    private async Task PullAsync()
    {
        var dialog = await Dialogs.ShowAsync<TransferDialog>("Pull an image", new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, BackdropClick = false });
        await dialog.Result;
        await ReloadAsync();
    }

    private async Task PushAsync(ImageRow row)
    {
        var parameters = new DialogParameters<TransferDialog> { { d => d.Push, true }, { d => d.Reference, row.Tags[0] } };
        await Dialogs.ShowAsync<TransferDialog>("Push an image", parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, BackdropClick = false });
    }

    private async Task TagAsync(ImageRow row)
    {
        var parameters = new DialogParameters<TagDialog> { { d => d.Source, row.Tags.Count > 0 ? row.Tags[0] : row.Id } };
        var dialog = await Dialogs.ShowAsync<TagDialog>("Tag image", parameters);
        if (await dialog.Result is { Canceled: false, Data: string target })
            Snackbar.Add($"Tagged {row.Name} as {target}", Severity.Success);
    }

    private async Task HistoryAsync(ImageRow row)
    {
        var parameters = new DialogParameters<ImageHistoryDialog> { { d => d.ImageId, row.Id } };
        await Dialogs.ShowAsync<ImageHistoryDialog>($"History of {row.Name}", parameters, new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true, CloseButton = true });
    }

    private async Task SaveAsync(ImageRow row)
    {
        var name = row.Tags.Count > 0 ? row.Tags[0] : row.Id;
        var fileName = (row.Tags.Count > 0 ? row.Tags[0] : row.ShortId).Replace('/', '_').Replace(':', '_') + ".tar";
        try
        {
            using var reference = new DotNetStreamReference(View.SaveStream([name], _cts.Token));
            await JS.InvokeVoidAsync("webui.downloadStream", _cts.Token, fileName, reference);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Snackbar.Add($"Saving {name} failed: {UserMessages.For(e)}", Severity.Error);
        }
    }

    private async Task RemoveAsync(ImageRow row)
    {
        var target = row.Tags.Count > 0 ? row.Tags[0] : row.Id;
        var force = await ConfirmDialog.AskAsync(Dialogs, "Remove image",
            row.Tags.Count > 1
                ? $"Remove the name {target}? The image keeps its other names."
                : $"Remove {target} ({row.ShortId})?",
            forceLabel: "Force (also when containers use it)");
        if (force is null) return;
        try
        {
            var results = await View.RemoveAsync(target, force.Value, _cts.Token);
            Snackbar.Add(string.Join("; ", results.Select(r => r.Untagged is { } u ? "Untagged " + Formats.Familiar(u) : "Deleted " + Formats.ShortId(r.Deleted!))), Severity.Success);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Snackbar.Add(UserMessages.For(e), Severity.Error);
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
