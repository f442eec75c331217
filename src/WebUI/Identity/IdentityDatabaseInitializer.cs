using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace WebUI.Identity;

/// <summary>
/// Runs before the web port serves (hosted services start before the server): applies the migrations to webui.db,
/// creates the roles, then opens or closes the setup gate.
/// </summary>
internal sealed partial class IdentityDatabaseInitializer(
    IServiceScopeFactory scopes, SetupGate setup, IOptions<AuthOptions> options, ILogger<IdentityDatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebUIDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        await db.Database.MigrateAsync(cancellationToken);
        if (pending > 0) LogMigrated(logger, pending);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (await roles.RoleExistsAsync(role)) continue;
            var result = await roles.CreateAsync(new IdentityRole(role));
            if (!result.Succeeded) throw new InvalidOperationException($"cannot create role {role}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
        await setup.InitializeAsync(options.Value.BootstrapAdminPassword, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
