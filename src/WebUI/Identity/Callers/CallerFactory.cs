using Microsoft.EntityFrameworkCore;
using WebUI.Engine.Security.Admission;

namespace WebUI.Identity.Callers;

/// <summary>Builds the engine's <see cref="Caller"/> of a user from the store as it is now: name, role, teams; null when disabled or gone.</summary>
public sealed class CallerFactory(IDbContextFactory<WebUIDbContext> databases)
{
    /// <summary>The caller of a request or circuit without a valid session: read-only, no teams.</summary>
    public static Caller Anonymous { get; } = new("anonymous", CallerRole.Viewer, []);

    public async Task<Caller?> ForUserIdAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.UserName, u.IsDisabled, u.LockoutEnd }).FirstOrDefaultAsync(cancellationToken);
        if (user is null || user.IsDisabled) return null;
        var roles = await db.UserRoles.AsNoTracking().Where(r => r.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(cancellationToken);
        var teams = await db.TeamMemberships.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.TeamName).OrderBy(n => n).ToListAsync(cancellationToken);
        return new Caller(user.UserName ?? "", RoleOf(roles), teams);
    }

    /// <summary>The highest of the user's roles; no role at all is treated as Viewer (read-only).</summary>
    public static CallerRole RoleOf(IEnumerable<string?> roles)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        if (set.Contains(Roles.Admin)) return CallerRole.Admin;
        if (set.Contains(Roles.Operator)) return CallerRole.Operator;
        return CallerRole.Viewer;
    }
}
