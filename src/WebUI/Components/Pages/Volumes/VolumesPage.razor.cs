using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebUI.Components.Shared;
using WebUI.Services;

namespace WebUI.Components.Pages.Volumes;

/// <summary>The volumes page: the list kept current by engine events, create, inspect and remove.</summary>
public partial class VolumesPage
{
    [Inject] public required VolumesView View { get; set; }

    protected override (string Plural, string Singular) Noun => ("volumes", "volume");

    protected override IReadOnlyList<VolumeRow> List(string? search) => View.List(search);

    protected override IDisposable OnChange(Action changed) => View.OnChange(changed);

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
}
