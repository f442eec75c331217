using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebUI.Components.Shared;
using WebUI.Services;

namespace WebUI.Components.Pages.Networks;

/// <summary>The networks page: the list kept current by engine events; create, inspect (members, disconnect), connect and remove.</summary>
public partial class NetworksPage
{
    [Inject] public required NetworksView View { get; set; }

    protected override (string Plural, string Singular) Noun => ("networks", "network");

    protected override IReadOnlyList<NetworkRow> List(string? search) => View.List(search);

    protected override IDisposable OnChange(Action changed) => View.OnChange(changed);

    private async Task InspectAsync(NetworkRow row)
    {
        var parameters = new DialogParameters<NetworkInspectDialog> { { d => d.Network, row.Id } };
        var dialog = await Dialogs.ShowAsync<NetworkInspectDialog>($"Network {row.Name}", parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true, CloseOnEscapeKey = true });
        await dialog.Result;
        // A disconnect made in the dialog: the engine's event can come before its record is saved, so read again now.
        Refresh();
    }

    private async Task ConnectAsync(NetworkRow row)
    {
        var parameters = new DialogParameters<NetworkConnectDialog> { { d => d.Network, row.Id } };
        var dialog = await Dialogs.ShowAsync<NetworkConnectDialog>($"Connect a container to {row.Name}", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: string container })
        {
            Snackbar.Add($"Connected {container} to {row.Name}", Severity.Success);
            Refresh();
        }
    }

    private async Task RemoveAsync(NetworkRow row)
    {
        var confirmed = await ConfirmDialog.AskAsync(Dialogs, "Remove network", $"Remove the network {row.Name}?");
        if (confirmed is null) return;
        try
        {
            await View.RemoveAsync(row.Id, Lifetime.Token);
            Snackbar.Add($"Removed network {row.Name}", Severity.Success);
        }
        catch (Exception e)
        {
            Snackbar.Add(UserMessages.For(e), Severity.Error);
        }
        Refresh();
    }
}
