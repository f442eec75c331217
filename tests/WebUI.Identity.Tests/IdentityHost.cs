using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WebUI.Identity;

namespace WebUI.Identity.Tests;

/// <summary>The real identity services (EF Core on a throwaway webui.db, Identity, policies, audit) in process, without a web server.</summary>
public class IdentityHost : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "webui-id-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The throwaway data root (webui.db and, with the engine, its state).</summary>
    public string DataRoot => _root;
    private WebApplication? _app;

    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Engine:DataRoot"] = _root;
        builder.Configuration["Auth:BootstrapAdminPassword"] = "bootstrap-admin-password";
        builder.Services.AddOptions<WebUI.Engine.EngineOptions>().BindConfiguration("Engine");
        Configure(builder);
        builder.AddWebUIIdentity();
        _app = builder.Build();
        await _app.Services.GetServices<IHostedService>().OfType<IdentityDatabaseInitializer>().Single().StartAsync(CancellationToken.None);
    }

    /// <summary>More services before identity's (a derived host adds the engine).</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
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

    /// <summary>A scope (like a circuit) whose authentication state is <paramref name="user"/> as signed in now.</summary>
    public async Task<AsyncServiceScope> SignedInScopeAsync(WebUIUser user)
    {
        var scope = Services.CreateAsyncScope();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<WebUIUser>>().CreateAsync(user);
        var state = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        state.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }

    public async Task<AsyncServiceScope> AnonymousScopeAsync()
    {
        var scope = Services.CreateAsyncScope();
        var state = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        state.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        await Task.CompletedTask;
        return scope;
    }

    /// <summary>
    /// Shuts the services down as the server's exit does (hosted services stopped in reverse order, then disposed) but
    /// keeps the data root for a look afterwards.
    /// </summary>
    public async Task StopAsync()
    {
        if (_app is null) return;
        foreach (var service in _app.Services.GetServices<IHostedService>().Reverse())
            await service.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _app = null;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
