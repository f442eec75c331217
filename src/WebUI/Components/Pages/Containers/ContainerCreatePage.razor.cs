using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebUI.Components.Shared;
using WebUI.Services;

namespace WebUI.Components.Pages.Containers;

/// <summary>The create/run form; on success it opens the new container's page.</summary>
public partial class ContainerCreatePage
{
    private readonly ContainerForm _form = new();
    private IReadOnlyList<string>? _imageNames;
    private string? _error;
    private bool _busy;

    [Inject] public required ContainersView View { get; set; }
    [Inject] public required NavigationManager Navigation { get; set; }
    [Inject] public required ISnackbar Snackbar { get; set; }

    [SupplyParameterFromQuery(Name = "image")] public string? Image { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (!string.IsNullOrEmpty(Image)) _form.Image = Image;
        try
        {
            _imageNames = await View.ImageNamesAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            _imageNames = [];
            _error = "Could not list images: " + UserMessages.For(e);
        }
    }

    private Task<IEnumerable<string>> SuggestAsync(string? text, CancellationToken cancellationToken) =>
        Task.FromResult(_imageNames!.Where(n => string.IsNullOrEmpty(text) || n.Contains(text, StringComparison.OrdinalIgnoreCase)));

    private async Task RunAsync()
    {
        _busy = true;
        _error = null;
        try
        {
            var id = await View.RunAsync(_form, CancellationToken.None);
            Snackbar.Add(_form.Start ? "Container started" : "Container created", Severity.Success);
            Navigation.NavigateTo($"/containers/{id}");
        }
        catch (Exception e)
        {
            _error = UserMessages.For(e);
        }
        finally
        {
            _busy = false;
        }
    }
}
