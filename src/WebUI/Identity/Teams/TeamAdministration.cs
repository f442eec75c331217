using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WebUI.Audit;
using WebUI.Engine.Errors;
using WebUI.Identity.Callers;

namespace WebUI.Identity.Teams;

/// <summary>
/// Teams and memberships, for the Admin teams page: every action demands Admin, is audited with its result, and clears
/// the credential cache so membership changes apply to tokens and registry logins on their next request.
/// </summary>
public sealed partial class TeamAdministration(IUserAccess access, IDbContextFactory<WebUIDbContext> databases, CredentialCache cache, IAuditLog audit, TimeProvider time)
{
    /// <summary>Team names are label values and registry path components: lowercase, digits, '-' and '_'.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,31}$")]
    private static partial Regex ValidName();

    public async Task<IReadOnlyList<TeamRow>> ListAsync(CancellationToken cancellationToken)
    {
        await access.DemandAsync(Policies.Admin, cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().Select(t => t.Name).ToListAsync(cancellationToken);
        var members = await db.TeamMemberships.AsNoTracking().Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.TeamName, u.UserName }).ToListAsync(cancellationToken);
        return teams.Order(StringComparer.Ordinal)
            .Select(t => new TeamRow(t, members.Where(m => m.TeamName == t).Select(m => m.UserName ?? "").Order(StringComparer.Ordinal).ToList()))
            .ToList();
    }

    public Task CreateAsync(string name, CancellationToken cancellationToken) =>
        RunAsync(AuditActions.TeamCreate, name.Trim(), async db =>
        {
            name = name.Trim();
            if (!ValidName().IsMatch(name)) throw EngineException.Invalid($"team name \"{name}\": 1 to 32 of a-z, 0-9, '-', '_', starting with a letter or digit");
            if (await db.Teams.AnyAsync(t => t.Name == name, cancellationToken)) throw EngineException.AlreadyExists($"team {name} exists already");
            db.Teams.Add(new Team { Name = name, CreatedAt = time.GetUtcNow() });
        }, cancellationToken);

    public Task DeleteAsync(string name, CancellationToken cancellationToken) =>
        RunAsync(AuditActions.TeamDelete, name, async db =>
        {
            var team = await db.Teams.FirstOrDefaultAsync(t => t.Name == name, cancellationToken) ?? throw EngineException.NotFound($"no team {name}");
            db.TeamMemberships.RemoveRange(db.TeamMemberships.Where(m => m.TeamName == name));
            db.Teams.Remove(team);
        }, cancellationToken);

    public Task AddMemberAsync(string team, string userName, CancellationToken cancellationToken) =>
        RunAsync(AuditActions.TeamMemberAdd, $"{team}/{userName}", async db =>
        {
            var (t, userId) = await FindAsync(db, team, userName, cancellationToken);
            if (await db.TeamMemberships.AnyAsync(m => m.TeamName == t && m.UserId == userId, cancellationToken))
                throw EngineException.AlreadyExists($"{userName} is in team {team} already");
            db.TeamMemberships.Add(new TeamMembership { TeamName = t, UserId = userId });
        }, cancellationToken);

    public Task RemoveMemberAsync(string team, string userName, CancellationToken cancellationToken) =>
        RunAsync(AuditActions.TeamMemberRemove, $"{team}/{userName}", async db =>
        {
            var (t, userId) = await FindAsync(db, team, userName, cancellationToken);
            var row = await db.TeamMemberships.FirstOrDefaultAsync(m => m.TeamName == t && m.UserId == userId, cancellationToken)
                ?? throw EngineException.NotFound($"{userName} is not in team {team}");
            db.TeamMemberships.Remove(row);
        }, cancellationToken);

    private static async Task<(string Team, string UserId)> FindAsync(WebUIDbContext db, string team, string userName, CancellationToken cancellationToken)
    {
        if (!await db.Teams.AnyAsync(t => t.Name == team, cancellationToken)) throw EngineException.NotFound($"no team {team}");
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw EngineException.NotFound($"no user {userName}");
        return (team, userId);
    }

    private async Task RunAsync(string action, string resource, Func<WebUIDbContext, Task> change, CancellationToken cancellationToken)
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
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            await change(db);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (EngineException e)
        {
            await audit.RecordAsync(new AuditRecord(actor, action, resource, AuditResults.Failure, FrontDoors.Dashboard, null, e.Message), cancellationToken);
            throw;
        }
        cache.Clear();
        await audit.RecordAsync(new AuditRecord(actor, action, resource, AuditResults.Success, FrontDoors.Dashboard, null), cancellationToken);
    }
}
