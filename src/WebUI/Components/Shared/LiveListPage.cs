using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace WebUI.Components.Shared;

/// <summary>
/// A list page kept current by engine events (its view's change callback), searchable, with a create dialog that
/// returns the new item's name: what the volumes and networks pages share.
/// </summary>
public abstract class LiveListPage<TRow> : ComponentBase, IDisposable
{
    private IDisposable? _subscription;

    [Inject] public required IDialogService Dialogs { get; set; }
    [Inject] public required ISnackbar Snackbar { get; set; }
    [Inject] public required WebUI.Identity.IUserAccess Access { get; set; }

    /// <summary>Cancelled when the page goes away: for the changes it starts.</summary>
    protected CancellationTokenSource Lifetime { get; } = new();

    protected IReadOnlyList<TRow>? Rows { get; private set; }
    protected string? SearchText { get; private set; }
    protected string? Error { get; private set; }

    /// <summary>What the page lists, plural and singular ("networks", "network"), for its messages.</summary>
    protected abstract (string Plural, string Singular) Noun { get; }

    protected abstract IReadOnlyList<TRow> List(string? search);

    protected abstract IDisposable OnChange(Action changed);

    protected override void OnInitialized()
    {
        _subscription = OnChange(() => _ = RefreshForEventAsync());
        Refresh();
    }

    /// <summary>Called on the publishing thread: the list is read again as this page's user (<see cref="AsPageUser"/>).</summary>
    private Task RefreshForEventAsync() =>
        AsPageUser.RunAsync(Access, InvokeAsync, () => { Refresh(); StateHasChanged(); return Task.CompletedTask; }, Lifetime);

    protected void Refresh()
    {
        try
        {
            Rows = List(SearchText);
            Error = null;
        }
        catch (Exception e)
        {
            Error = $"Could not list {Noun.Plural}: " + UserMessages.For(e);
        }
    }

    protected void Search(string? text)
    {
        SearchText = text;
        Refresh();
    }

    /// <summary>Shows the create dialog; a dialog that closes with the new item's name is announced and listed.</summary>
    protected async Task CreateAsync<TDialog>() where TDialog : IComponent
    {
        var dialog = await Dialogs.ShowAsync<TDialog>($"Create {Noun.Singular}", new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: string name })
        {
            Snackbar.Add($"Created {Noun.Singular} {name}", Severity.Success);
            Refresh();
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        Lifetime.Cancel();
        Lifetime.Dispose();
        GC.SuppressFinalize(this);
    }
}
