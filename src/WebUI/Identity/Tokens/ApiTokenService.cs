using Microsoft.EntityFrameworkCore;
using WebUI.Audit;
using WebUI.Engine.Errors;
using WebUI.Identity.Callers;

namespace WebUI.Identity.Tokens;

/// <summary>A user's personal access tokens: create (shown once), list, revoke (effective on the next request); every change audited.</summary>
public sealed class ApiTokenService(IDbContextFactory<WebUIDbContext> databases, CredentialCache cache, IAuditLog audit, TimeProvider time)
{
    public const int MaxNameLength = 64;
    public const int MaxDays = 3650;

    public async Task<CreatedApiToken> CreateAsync(string userId, string userName, string name, int? days, string source, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length is 0 or > MaxNameLength || name.Any(char.IsControl))
            throw EngineException.Invalid($"token name: 1 to {MaxNameLength} printable characters");
        if (days is < 1 or > MaxDays) throw EngineException.Invalid($"expiry: 1 to {MaxDays} days, or none");
        var (id, token) = ApiTokenSecret.New();
        var now = time.GetUtcNow();
        var row = new ApiToken
        {
            Id = id, UserId = userId, Name = name, SecretHash = ApiTokenSecret.Hash(token), CreatedAt = now,
            ExpiresAt = days is { } d ? now.AddDays(d) : null,
        };
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            db.ApiTokens.Add(row);
            await db.SaveChangesAsync(cancellationToken);
        }
        await audit.RecordAsync(new AuditRecord(userName, AuditActions.TokenCreate, $"{name} ({id})", AuditResults.Success, FrontDoors.Account, source,
            row.ExpiresAt is { } e ? $"expires {e:u}" : "no expiry"), cancellationToken);
        return new CreatedApiToken(id, name, token, row.ExpiresAt);
    }

    public async Task<IReadOnlyList<ApiTokenRow>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var rows = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).ToListAsync(cancellationToken);
        return rows.OrderByDescending(t => t.CreatedAt)
            .Select(t => new ApiTokenRow(t.Id, t.Name, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.ExpiresAt is { } e && e <= now)).ToList();
    }

    /// <summary>Revokes one of the user's own tokens; the next request with it is refused.</summary>
    public async Task RevokeAsync(string userId, string userName, string tokenId, string source, CancellationToken cancellationToken)
    {
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            var row = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken);
            if (row is null)
            {
                await audit.RecordAsync(new AuditRecord(userName, AuditActions.TokenRevoke, tokenId, AuditResults.Failure, FrontDoors.Account, source, "no such token"), cancellationToken);
                throw EngineException.NotFound($"no token {tokenId} of yours");
            }
            row.RevokedAt ??= time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
        cache.Clear();
        await audit.RecordAsync(new AuditRecord(userName, AuditActions.TokenRevoke, tokenId, AuditResults.Success, FrontDoors.Account, source), cancellationToken);
    }
}
