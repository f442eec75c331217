using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WebUI.Audit;
using WebUI.Engine.Errors;

namespace WebUI.Identity;

/// <summary>
/// User management for the Admin pages. Every action demands the Admin policy first (the page hiding is not the check),
/// runs in its own scope (a circuit lives long; a DbContext must not), and is audited with its result.
/// Disabling, a reset password and a role change renew the security stamp, so the user's sessions end.
/// </summary>
public sealed class UserAdministration(IUserAccess access, IServiceScopeFactory scopes, IAuditLog audit, Callers.CredentialCache cache, TimeProvider time)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken)
    {
        await access.DemandAsync(Policies.Admin, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebUIDbContext>();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name ?? "", cancellationToken);
        var userRoles = await db.UserRoles.AsNoTracking().ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return users.Select(u => new UserRow(
            u.Id,
            u.UserName ?? "",
            userRoles.Where(r => r.UserId == u.Id).Select(r => roleNames.GetValueOrDefault(r.RoleId, "")).FirstOrDefault() ?? "",
            u.IsDisabled,
            u.LockoutEnd is { } end && end > now,
            u.CreatedAt)).ToList();
    }

    public Task CreateAsync(string userName, string password, string role, CancellationToken cancellationToken) =>
        RunAsync(AuditActions.UserCreate, userName.Trim(), $"role {role}", async (users, actor) =>
        {
            RequireRole(role);
            var user = new WebUIUser { UserName = userName.Trim(), CreatedAt = time.GetUtcNow() };
            Check(await users.CreateAsync(user, password));
            Check(await users.AddToRoleAsync(user, role));
        }, cancellationToken);

    public Task SetDisabledAsync(string userName, bool disabled, CancellationToken cancellationToken) =>
        RunAsync(disabled ? AuditActions.UserDisable : AuditActions.UserEnable, userName, null, async (users, actor) =>
        {
            var user = await FindAsync(users, userName);
            if (disabled && string.Equals(user.UserName, actor, StringComparison.Ordinal))
                throw EngineException.Invalid("You cannot disable yourself.");
            user.IsDisabled = disabled;
            Check(await users.UpdateAsync(user));
            // A new stamp ends the user's sessions at their next validation (cookies and live circuits).
            Check(await users.UpdateSecurityStampAsync(user));
        }, cancellationToken);

    public Task ResetPasswordAsync(string userName, string newPassword, CancellationToken cancellationToken) =>
        RunAsync(AuditActions.UserPasswordReset, userName, null, async (users, _) =>
        {
            var user = await FindAsync(users, userName);
            var token = await users.GeneratePasswordResetTokenAsync(user);
            Check(await users.ResetPasswordAsync(user, token, newPassword));
            // An admin's reset also lifts a lockout: the user gets the new password from the admin.
            Check(await users.SetLockoutEndDateAsync(user, null));
            Check(await users.ResetAccessFailedCountAsync(user));
        }, cancellationToken);

    public Task ChangeRoleAsync(string userName, string role, CancellationToken cancellationToken) =>
        RunAsync(AuditActions.UserRoleChange, userName, $"role {role}", async (users, actor) =>
        {
            RequireRole(role);
            var user = await FindAsync(users, userName);
            if (string.Equals(user.UserName, actor, StringComparison.Ordinal) && role != Roles.Admin)
                throw EngineException.Invalid("You cannot take the Admin role from yourself.");
            var current = await users.GetRolesAsync(user);
            Check(await users.RemoveFromRolesAsync(user, current));
            Check(await users.AddToRoleAsync(user, role));
            Check(await users.UpdateSecurityStampAsync(user));
        }, cancellationToken);

    private async Task RunAsync(string action, string resource, string? detail, Func<UserManager<WebUIUser>, string, Task> change, CancellationToken cancellationToken)
    {
        string actor;
        try
        {
            actor = await access.DemandAsync(Policies.Admin, cancellationToken);
        }
        catch (EngineException e) when (e.Kind == ErrorKind.Forbidden)
        {
            await audit.RecordAsync(new AuditRecord("", action, resource, AuditResults.Denied, FrontDoors.Dashboard, null, e.Message), cancellationToken);
            throw;
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WebUIUser>>();
        try
        {
            await change(users, actor);
            // Tokens and registry logins of this user carry the change from their next request on.
            cache.Clear();
        }
        catch (EngineException e)
        {
            await audit.RecordAsync(new AuditRecord(actor, action, resource, AuditResults.Failure, FrontDoors.Dashboard, null, e.Message), cancellationToken);
            throw;
        }
        await audit.RecordAsync(new AuditRecord(actor, action, resource, AuditResults.Success, FrontDoors.Dashboard, null, detail), cancellationToken);
    }

    private static async Task<WebUIUser> FindAsync(UserManager<WebUIUser> users, string userName) =>
        await users.FindByNameAsync(userName) ?? throw EngineException.NotFound($"no user {userName}");

    private static void RequireRole(string role)
    {
        if (!Roles.All.Contains(role)) throw EngineException.Invalid($"unknown role {role}; one of {string.Join(", ", Roles.All)}");
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw EngineException.Invalid(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
