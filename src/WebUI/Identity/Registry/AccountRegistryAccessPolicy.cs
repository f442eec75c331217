using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WebUI.Audit;
using WebUI.Engine.Security.Admission;
using WebUI.Identity.Callers;
using WebUI.Identity.Tokens;
using WebUI.Registry.Access;

namespace WebUI.Identity.Registry;

/// <summary>
/// Who may pull, push and delete in the built-in registry once logins exist. Credentials: an API token (Bearer, or
/// Basic with the token as password), Basic with an account's user name and password (lockout counts), or the
/// dashboard's cookie. Pull needs any role, push and delete Operator; a repository whose first path component names a
/// team is that team's (members and Admins only). Anonymous: refused unless the Admin setting allows anonymous pull.
/// </summary>
internal sealed class AccountRegistryAccessPolicy(
    ApiTokenAuthenticator tokens,
    CallerFactory callers,
    CredentialCache cache,
    IUserAccess access,
    IAdmissionSettingsStore settings,
    IDbContextFactory<WebUIDbContext> databases,
    IServiceScopeFactory scopes,
    IAuditLog audit) : IRegistryAccessPolicy
{
    public async ValueTask<RegistryAccessDecision> AuthorizeAsync(HttpContext http, string? repository, RegistryAction action, CancellationToken cancellationToken)
    {
        var caller = await AuthenticateAsync(http, cancellationToken);
        // The request's caller, for the audit log's record of this request (RegistryAuditMiddleware).
        if (caller is not null) http.Features.Set(caller);
        if (caller is null)
        {
            if (http.Request.Headers.Authorization.Count > 0) return RegistryAccessDecision.Challenge;
            if (action != RegistryAction.Pull || !settings.Current.AllowAnonymousRegistryPull) return RegistryAccessDecision.Challenge;
            return repository is null || await TeamOfAsync(repository, cancellationToken) is null ? RegistryAccessDecision.Allow : RegistryAccessDecision.Challenge;
        }
        if (action != RegistryAction.Pull && !caller.CanChange) return RegistryAccessDecision.Deny;
        if (repository is null || caller.IsAdmin) return RegistryAccessDecision.Allow;
        return TeamScope.CanSeeTeam(caller, await TeamOfAsync(repository, cancellationToken)) ? RegistryAccessDecision.Allow : RegistryAccessDecision.Deny;
    }

    /// <summary>The team a repository belongs to: its first path component when a team of that name exists.</summary>
    private async Task<string?> TeamOfAsync(string repository, CancellationToken cancellationToken)
    {
        var slash = repository.IndexOf('/');
        if (slash <= 0) return null;
        var first = repository[..slash];
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Teams.AsNoTracking().AnyAsync(t => t.Name == first, cancellationToken) ? first : null;
    }

    private async Task<Caller?> AuthenticateAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            if (http.User.Identity?.IsAuthenticated != true) return null;
            var fromCookie = await access.CallerAsync(http.User, cancellationToken);
            return ReferenceEquals(fromCookie, CallerFactory.Anonymous) ? null : fromCookie;
        }
        if (!AuthenticationHeaderValue.TryParse(header, out var parsed) || string.IsNullOrEmpty(parsed.Parameter)) return null;
        if (parsed.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)) return await tokens.AuthenticateAsync(parsed.Parameter, cancellationToken);
        if (!parsed.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)) return null;

        string userName, secret;
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(parsed.Parameter));
            var colon = pair.IndexOf(':');
            if (colon < 0) return null;
            (userName, secret) = (pair[..colon], pair[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
        if (ApiTokenSecret.IdOf(secret) is not null) return await tokens.AuthenticateAsync(secret, cancellationToken);

        var key = "basic:" + ApiTokenSecret.Hash(header);
        if (cache.Get(key) is { } cached) return cached;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WebUIUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<WebUIUser>>();
        var user = await users.FindByNameAsync(userName);
        var ok = user is not null && !user.IsDisabled && (await signIn.CheckPasswordSignInAsync(user, secret, lockoutOnFailure: true)).Succeeded;
        if (!ok)
        {
            await audit.RecordAsync(new AuditRecord(userName, AuditActions.LoginFailed, "registry", AuditResults.Failure, FrontDoors.Registry, RequestSource.Of(http)), CancellationToken.None);
            return null;
        }
        var caller = await callers.ForUserIdAsync(user!.Id, cancellationToken);
        if (caller is not null) cache.Put(key, caller, null);
        return caller;
    }
}
