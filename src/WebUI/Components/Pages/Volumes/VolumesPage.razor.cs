using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebUI.Components.Shared;
using WebUI.Services;

namespace WebUI.Components.Pages.Volumes;

/// <summary>The volumes page: the list kept current by engine events, create, inspect and remove.</summary>
public partial class VolumesPage : IDisposable
{
    private IReadOnlyList<VolumeRow>? _rows;
    private IDisposable? _subscription;
    private string? _search;
    private string? _error;

    [Inject] public required VolumesView View { get; set; }
    [Inject] public required IDialogService Dialogs { get; set; }
    [Inject] public required ISnackbar Snackbar { get; set; }

    protected override void OnInitialized()
    {
        _subscription = View.OnChange(() => _ = InvokeAsync(() => { Refresh(); StateHasChanged(); }));
        Refresh();
    }

    private void Refresh()
    {
        try
        {
            _rows = View.List(_search);
            _error = null;
        }
        catch (Exception e)
        {
            _error = "Could not list volumes: " + UserMessages.For(e);
        }
    }

    private void Search(string? text)
    {
        _search = text;
        Refresh();
    }

    private async Task CreateAsync()
    {
        var dialog = await Dialogs.ShowAsync<VolumeCreateDialog>("Create volume", new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: string name })
        {
            Snackbar.Add($"Created volume {name}", Severity.Success);
            Refresh();
        }
    }

    private async Task InspectAsync(VolumeRow row)
    {
        var parameters = new DialogParameters<VolumeInspectDialog> { { d => d.Name, row.Name } };
        await Dialogs.ShowAsync<VolumeInspectDialog>($"Volume {row.Name}", parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true });
    }

    private async Task BrowseAsync(VolumeRow row)
    {
        var parameters = new DialogParameters<VolumeBrowseDialog> { { d => d.Name, row.Name } };
        await Dialogs.ShowAsync<VolumeBrowseDialog>($"Files of {row.Name}", parameters, new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true, CloseButton = true });
    }

    private async Task RemoveAsync(VolumeRow row)
    {
        var confirmed = await ConfirmDialog.AskAsync(Dialogs, "Remove volume", $"Remove the volume {row.Name} and all its data?");
        if (confirmed is null) return;
        try
        {
            await View.RemoveAsync(row.Name, force: false, CancellationToken.None);
            Snackbar.Add($"Removed volume {row.Name}", Severity.Success);
        }
        catch (Exception e)
        {
            Snackbar.Add(UserMessages.For(e), Severity.Error);
        }
        Refresh();
    }

    public void Dispose() => _subscription?.Dispose();
}
