using MudBlazor.Services;
using WebUI.Audit;
using WebUI.Components;
using WebUI.DockerApi.Hosting;
using WebUI.Engine.Hosting;
using WebUI.Hosting;
using WebUI.Identity;
using WebUI.Services;
using WebUI.Registries;
using WebUI.Registry;
using WebUI.Terminal;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // appsettings.json sits beside the built assembly (linked from the repository's top level).
    ContentRootPath = AppContext.BaseDirectory,
});
// Serve wwwroot and package assets (MudBlazor) from the build output's static web assets manifest, in every environment.
builder.WebHost.UseStaticWebAssets();
builder.EnsureLoopbackOnly();

builder.Services.AddContainerEngine();
builder.AddDockerApi();
builder.Services.AddRegistry();
builder.Services.AddRegistryCredentials();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices(c => c.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
builder.Services.AddDashboardViews();
builder.Services.AddWebTerminal();
builder.AddWebUIIdentity();

var app = builder.Build();

app.UseWebUIAudit();
app.UseDockerApi();
app.UseWhen(context => !DockerApiRequest.IsDockerApi(context), web =>
{
    web.UseExceptionHandler("/Error", createScopeForErrors: true);
    web.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
});
app.UseRouting();
app.UseWebUIIdentity();
app.UseAntiforgery();

// Static files (css, scripts, fonts) are public: the sign-in page needs them before anyone is signed in.
app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapDockerApi();
app.MapRegistry();
app.MapWebTerminal();
app.MapWebUIIdentity();

app.Run();
