using Microsoft.EntityFrameworkCore;
using WebUI.DockerApi.Hosting;
using WebUI.Engine.Security.Admission;
using WebUI.Identity.Callers;

namespace WebUI.Identity.Tokens;

/// <summary>
/// Checks an API token (Docker API over TCP, registry): well-formed, known by id, hash equal, not revoked, not expired,
/// user enabled; the caller is the token's user with their role and teams as they are now (cached a few seconds, cleared on any change).
/// </summary>
public sealed class ApiTokenAuthenticator(IDbContextFactory<WebUIDbContext> databases, CallerFactory callers, CredentialCache cache, TimeProvider time)
    : IDockerApiTokenAuthenticator
{
    public async ValueTask<Caller?> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        var id = ApiTokenSecret.IdOf(token);
        if (id is null) return null;
        var key = "token:" + ApiTokenSecret.Hash(token);
        if (cache.Get(key) is { } cached) return cached;

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var row = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (row is null || row.RevokedAt is not null || !ApiTokenSecret.Matches(token, row.SecretHash)) return null;
        if (row.ExpiresAt is { } expires && expires <= time.GetUtcNow()) return null;
        var caller = await callers.ForUserIdAsync(row.UserId, cancellationToken);
        if (caller is not null) cache.Put(key, caller, row.ExpiresAt);
        return caller;
    }
}
