using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using WebUI.Engine;
using WebUI.Engine.Containers;
using WebUI.Engine.Distribution;
using WebUI.Engine.Events;
using WebUI.Engine.Images;
using WebUI.Engine.Networks;
using WebUI.Engine.Volumes;
using WebUI.Services;
using WebUI.Tests.Engine;

namespace WebUI.Tests;

/// <summary>A bUnit context with MudBlazor, the dashboard's views and in-memory engine services behind them.</summary>
public abstract class DashboardTestContext : BunitContext, IAsyncLifetime
{
    protected DashboardTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Events = new TestEventBus();
        Images = new InMemoryImageService();
        Volumes = new InMemoryVolumeService();
        Containers = new InMemoryContainerService(Events);
        Distribution = new InMemoryDistribution();
        Networks = new InMemoryNetworkManager(Events);
        Services.AddSingleton<INetworkManager>(Networks);
        Builder = new ScriptedImageBuilder();
        Services.AddSingleton<WebUI.Engine.Build.IImageBuilder>(Builder);
        Services.AddSingleton<IImageDistribution>(Distribution);
        Services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = 0);
        Services.AddSingleton<IEventBus>(Events);
        Services.AddSingleton<IImageService>(Images);
        Services.AddSingleton<IImageUsage>(Images);
        Services.AddSingleton<IVolumeService>(Volumes);
        Services.AddSingleton<IVolumeUsage>(Volumes);
        Services.AddSingleton<IContainerService>(Containers);
        Services.AddSingleton<WebUI.Engine.Files.IContainerFiles>(new InMemoryContainerFiles(Containers));
        Execs = new InMemoryExecService(Containers);
        Services.AddSingleton<WebUI.Engine.Containers.Exec.IExecService>(Execs);
        TerminalClients = new WebUI.Tests.Terminal.RecordingTerminalClients();
        Services.AddSingleton<WebUI.Terminal.ITerminalClients>(TerminalClients);
        Services.AddSingleton(Options.Create(new WebUI.Terminal.TerminalOptions()));
        Services.AddSingleton<WebUI.Terminal.TerminalSessions>();
        Recordings = new InMemoryExecRecordings();
        Services.AddSingleton<WebUI.Engine.Recording.IExecRecordings>(Recordings);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(Options.Create(new EngineOptions { DataRoot = Path.GetTempPath() }));
        Services.AddDashboardViews();
        // A signed-in Admin: the layout shows the user menu and admin links; the views' guard lets every change through.
        var auth = Auth = AddAuthorization();
        auth.SetAuthorized("admin");
        auth.SetRoles(WebUI.Identity.Roles.Admin);
        auth.SetPolicies(WebUI.Identity.Policies.Viewer, WebUI.Identity.Policies.Operator, WebUI.Identity.Policies.Admin);
        Audit = new WebUI.Tests.Identity.RecordingAuditLog();
        Services.AddSingleton<WebUI.Audit.IAuditLog>(Audit);
        Services.AddSingleton<WebUI.Identity.IUserAccess>(new WebUI.Tests.Identity.SignedInUserAccess("admin", WebUI.Identity.Policies.Viewer, WebUI.Identity.Policies.Operator, WebUI.Identity.Policies.Admin));
        Services.AddScoped<WebUI.Identity.ChangeGuard>();
        // As AddRazorComponents does in the app: what a prerender hands to the circuit.
        PersistentState = this.AddBunitPersistentComponentState();
    }

    /// <summary>The state a prerender persists for the circuit: <c>TriggerOnPersisting</c> ends a "prerender".</summary>
    protected Bunit.TestDoubles.BunitPersistentComponentState PersistentState { get; }

    protected TestEventBus Events { get; }
    /// <summary>Who the pages see signed in; <see cref="SignInAsViewer"/> narrows it to read-only.</summary>
    protected Bunit.TestDoubles.BunitAuthorizationContext Auth { get; }
    protected WebUI.Tests.Identity.RecordingAuditLog Audit { get; }
    protected InMemoryImageService Images { get; }
    protected InMemoryVolumeService Volumes { get; }
    protected InMemoryContainerService Containers { get; }
    protected InMemoryDistribution Distribution { get; }
    protected InMemoryExecService Execs { get; }
    protected WebUI.Tests.Terminal.RecordingTerminalClients TerminalClients { get; }
    protected InMemoryExecRecordings Recordings { get; }
    protected InMemoryNetworkManager Networks { get; }
    protected ScriptedImageBuilder Builder { get; }

    /// <summary>A Viewer: pages must hide their change buttons, and the guard refuses changes.</summary>
    protected void SignInAsViewer()
    {
        Auth.SetRoles(WebUI.Identity.Roles.Viewer);
        Auth.SetPolicies(WebUI.Identity.Policies.Viewer);
        Services.AddSingleton<WebUI.Identity.IUserAccess>(new WebUI.Tests.Identity.SignedInUserAccess("viewer", WebUI.Identity.Policies.Viewer));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>MudBlazor's services are only async-disposable, so the context is disposed asynchronously.</summary>
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected override void Dispose(bool disposing)
    {
        // xUnit calls Dispose after DisposeAsync; the async path already released everything.
    }

    /// <summary>Renders the providers pages need for dialogs, popovers and snackbars; returns the provider host.</summary>
    protected IRenderedComponent<MudDialogProvider> RenderProviders()
    {
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        return Render<MudDialogProvider>();
    }
}
