using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WebUI.Engine.Hosting;
using WebUI.Services;

namespace WebUI.Identity.Tests;

/// <summary>
/// The real identity services and the engine's services with the dashboard's views, in process (no web server, the
/// engine not started): enough to drive the dashboard's service up to the engine's choke point, on a clock the test moves.
/// </summary>
public sealed class AccessHost : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "webui-acc-" + Guid.NewGuid().ToString("N")[..8]);
    private WebApplication? _app;

    public IServiceProvider Services => _app!.Services;
    public ManualTime Time { get; } = new();
    public string DataRoot => Path.Combine(_root, "data");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Engine:DataRoot"] = DataRoot;
        builder.Configuration["Engine:ExecRoot"] = Path.Combine(_root, "run");
        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.Services.AddContainerEngine();
        builder.Services.AddDashboardViews();
        builder.AddWebUIIdentity();
        _app = builder.Build();
        await _app.Services.GetServices<IHostedService>().OfType<IdentityDatabaseInitializer>().Single().StartAsync(CancellationToken.None);
    }

    public async Task<WebUIUser> CreateUserAsync(string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WebUIUser>>();
        var user = new WebUIUser { UserName = $"{role.ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..6]}" };
        Assert.True((await users.CreateAsync(user, "a-long-enough-password")).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    /// <summary>A scope (like a circuit) signed in as <paramref name="user"/>.</summary>
    public async Task<AsyncServiceScope> SignedInScopeAsync(WebUIUser user)
    {
        var scope = Services.CreateAsyncScope();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<WebUIUser>>().CreateAsync(user);
        var state = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        state.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
