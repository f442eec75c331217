using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebUI.Components.Shared;
using WebUI.Services;

namespace WebUI.Components.Pages.Networks;

/// <summary>The networks page: the list kept current by engine events; create, inspect (members, disconnect), connect and remove.</summary>
public partial class NetworksPage : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private IReadOnlyList<NetworkRow>? _rows;
    private IDisposable? _subscription;
    private string? _search;
    private string? _error;

    [Inject] public required NetworksView View { get; set; }
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
            _error = "Could not list networks: " + UserMessages.For(e);
        }
    }

    private void Search(string? text)
    {
        _search = text;
        Refresh();
    }

    private async Task CreateAsync()
    {
        var dialog = await Dialogs.ShowAsync<NetworkCreateDialog>("Create network", new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: string name })
        {
            Snackbar.Add($"Created network {name}", Severity.Success);
            Refresh();
        }
    }

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
            await View.RemoveAsync(row.Id, _cts.Token);
            Snackbar.Add($"Removed network {row.Name}", Severity.Success);
        }
        catch (Exception e)
        {
            Snackbar.Add(UserMessages.For(e), Severity.Error);
        }
        Refresh();
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }
}
