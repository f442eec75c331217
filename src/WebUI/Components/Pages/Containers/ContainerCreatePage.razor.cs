using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebUI.Components.Shared;
using WebUI.Services;

namespace WebUI.Components.Pages.Containers;

/// <summary>The create/run form; on success it opens the new container's page.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = WebUI.Identity.Policies.Operator)]
public partial class ContainerCreatePage
{
    private readonly ContainerForm _form = new();
    private IReadOnlyList<string>? _imageNames;
    private IReadOnlyList<string> _networks = ["bridge", "none", "host"];
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
            _networks = View.NetworkNames();
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
