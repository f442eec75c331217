using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WebUI.Engine.Hosting;
using WebUI.Services;

namespace WebUI.Identity.Tests;

/// <summary>
/// The identity host plus the engine's services and the dashboard's views (the engine not started): enough to drive
/// the dashboard's service up to the engine's choke point, on a clock the test moves.
/// </summary>
public sealed class AccessHost : IdentityHost
{
    public ManualTime Time { get; } = new();

    protected override void Configure(WebApplicationBuilder builder)
    {
        builder.Configuration["Engine:ExecRoot"] = Path.Combine(DataRoot, "run");
        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.Services.AddContainerEngine();
        builder.Services.AddDashboardViews();
    }
}
