using Microsoft.AspNetCore.Components;
using WebUI.Components.Shared;
using WebUI.Engine.Containers;
using WebUI.Services;

namespace WebUI.Components.Pages.Containers;

/// <summary>The container's processes (docker top), read when shown and on Refresh.</summary>
public partial class ContainerProcesses : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private ContainerTop? _top;
    private DateTimeOffset? _loaded;
    private bool _loading;
    private string? _error;

    [Parameter, EditorRequired] public required string ContainerId { get; set; }
    [Parameter] public bool Running { get; set; }

    [Inject] public required ContainerInsightsView View { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (Running && _top is null && !_loading) await LoadAsync();
        if (!Running) _top = null;
    }

    private async Task LoadAsync()
    {
        _loading = true;
        _error = null;
        try
        {
            _top = await View.TopAsync(ContainerId, _cts.Token);
            _loaded = DateTimeOffset.UtcNow;
        }
        catch (OperationCanceledException) { }
        catch (Exception e) { _error = UserMessages.For(e); }
        finally { _loading = false; }
    }

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
