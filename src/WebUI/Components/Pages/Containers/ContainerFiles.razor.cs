using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using MudBlazor;
using WebUI.Components.Shared;
using WebUI.Engine.Files;
using WebUI.Identity;
using WebUI.Services;

namespace WebUI.Components.Pages.Containers;

/// <summary>
/// Browses the container's file system (running or stopped, volumes included), shows text files, downloads a file or
/// folder as a tar and uploads a file. Every role may list; viewing contents, downloads and uploads need Operator.
/// </summary>
public partial class ContainerFiles : IDisposable
{
    /// <summary>Largest upload taken from the browser.</summary>
    public const long MaxUploadBytes = 256L * 1024 * 1024;

    private readonly CancellationTokenSource _cts = new();
    private readonly string _inputId = "files-upload-" + Guid.NewGuid().ToString("N")[..8];
    private IReadOnlyList<ContainerFileEntry>? _entries;
    private string _path = "/";
    private string? _viewing;
    private string? _text;
    private bool _viewCut;
    private bool _operator;
    private bool _busy;
    private string? _error;

    [Parameter, EditorRequired] public required string ContainerId { get; set; }

    [Inject] public required ContainerInsightsView View { get; set; }
    [Inject] public required IUserAccess Access { get; set; }
    [Inject] public required IJSRuntime JS { get; set; }
    [Inject] public required ISnackbar Snackbar { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _operator = await Access.IsAllowedAsync(Policies.Operator, _cts.Token);
        await OpenAsync("/");
    }

    private async Task OpenAsync(string path)
    {
        _error = null;
        try
        {
            _entries = await View.ListAsync(ContainerId, path, _cts.Token);
            _path = path;
        }
        catch (OperationCanceledException) { }
        catch (Exception e)
        {
            _error = UserMessages.For(e);
            _entries ??= [];
        }
    }

    private async Task ViewAsync(string path)
    {
        _error = null;
        try
        {
            (_text, _viewCut) = await View.ReadTextAsync(ContainerId, path, _cts.Token);
            _viewing = path;
        }
        catch (OperationCanceledException) { }
        catch (Exception e) { _error = UserMessages.For(e); }
    }

    private async Task DownloadAsync(string path)
    {
        _error = null;
        try
        {
            var tar = new MemoryStream();
            await View.DownloadAsync(ContainerId, path, tar, _cts.Token);
            tar.Position = 0;
            using var reference = new DotNetStreamReference(tar);
            var name = path == "/" ? "rootfs" : path.TrimEnd('/').Split('/')[^1];
            await JS.InvokeVoidAsync("webui.downloadStream", _cts.Token, name + ".tar", reference);
        }
        catch (OperationCanceledException) { }
        catch (Exception e) when (e is not JSDisconnectedException) { _error = UserMessages.For(e); }
    }

    private async Task UploadAsync(InputFileChangeEventArgs args)
    {
        var file = args.File;
        _error = null;
        _busy = true;
        try
        {
            if (file.Size > MaxUploadBytes) throw new Engine.Errors.EngineException(Engine.Errors.ErrorKind.InvalidArgument, $"{file.Name} is larger than {Formats.Size(MaxUploadBytes)}");
            await using var content = file.OpenReadStream(MaxUploadBytes, _cts.Token);
            await View.UploadAsync(ContainerId, _path, file.Name, content, _cts.Token);
            Snackbar.Add($"Uploaded {file.Name} to {_path}", Severity.Success);
            await OpenAsync(_path);
        }
        catch (OperationCanceledException) { }
        catch (Exception e) { _error = UserMessages.For(e); }
        finally { _busy = false; }
    }

    private static string Join(string dir, string name) => dir.TrimEnd('/') + "/" + name;

    private static string Parent(string path)
    {
        var trimmed = path.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return slash <= 0 ? "/" : trimmed[..slash];
    }

    private List<BreadcrumbItem> Crumbs()
    {
        var items = new List<BreadcrumbItem> { new("/", "/") };
        var at = "";
        foreach (var part in _path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            at += "/" + part;
            items.Add(new BreadcrumbItem(part, at));
        }
        return items;
    }

    /// <summary>ls -l's first column from Go FileMode bits.</summary>
    private static string Mode(ContainerFileEntry e)
    {
        var kind = e.IsDirectory ? 'd' : e.IsSymlink ? 'l' : e.IsFile ? '-' : '?';
        var bits = e.Mode & 0x1FF;
        var chars = new char[9];
        const string rwx = "rwxrwxrwx";
        for (var i = 0; i < 9; i++) chars[i] = (bits & (1u << (8 - i))) != 0 ? rwx[i] : '-';
        return kind + new string(chars);
    }

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
