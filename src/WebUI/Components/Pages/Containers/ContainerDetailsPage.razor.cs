using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebUI.Components.Shared;
using WebUI.Engine.Containers;
using WebUI.Engine.Errors;
using WebUI.Services;

namespace WebUI.Components.Pages.Containers;

/// <summary>One container: overview, inspect JSON and live logs, with its lifecycle actions; refreshed by its engine events.</summary>
public partial class ContainerDetailsPage : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private ContainerRecord? _container;
    private string? _inspect;
    private string? _error;
    private bool _busy;
    private IDisposable? _subscription;

    [Parameter] public required string Id { get; set; }

    [Inject] public required ContainersView View { get; set; }
    [Inject] public required IDialogService Dialogs { get; set; }
    [Inject] public required ISnackbar Snackbar { get; set; }
    [Inject] public required NavigationManager Navigation { get; set; }

    protected override void OnInitialized()
    {
        _subscription = View.OnChange(id =>
        {
            if (_container is not null && id == _container.Id) _ = InvokeAsync(() => { Load(); StateHasChanged(); });
        });
    }

    protected override void OnParametersSet() => Load();

    private void Load()
    {
        try
        {
            _container = View.Get(Id);
            _inspect = View.InspectJson(_container.Id);
            _error = null;
        }
        catch (EngineException e) when (e.Kind == ErrorKind.NotFound)
        {
            _container = null;
            _error = $"There is no container {Id} (it may have been removed).";
        }
        catch (Exception e)
        {
            _error = UserMessages.For(e);
        }
    }

    private async Task ApplyAsync(ContainerAction action)
    {
        var c = _container!;
        var name = c.Name.TrimStart('/');
        var force = false;
        if (action is ContainerAction.Remove or ContainerAction.Stop or ContainerAction.Restart)
        {
            var answer = await ConfirmDialog.AskAsync(Dialogs, $"{action} container", $"{action} {name}?", action.ToString(),
                action == ContainerAction.Remove && c.State.Running ? "Force (kill it first: it is running)" : null);
            if (answer is null) return;
            force = answer.Value;
        }
        _busy = true;
        try
        {
            var result = await View.ApplyAsync(action, [c.Id], force, _cts.Token);
            foreach (var (_, error) in result.Failed) Snackbar.Add(error, Severity.Error);
            if (result.Failed.Count == 0 && action == ContainerAction.Remove)
            {
                Snackbar.Add($"Removed {name}", Severity.Success);
                Navigation.NavigateTo("/containers");
                return;
            }
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
        _cts.Cancel();
        _cts.Dispose();
    }
}
