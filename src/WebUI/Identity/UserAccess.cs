using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using WebUI.Engine.Errors;

namespace WebUI.Identity;

/// <summary>Checks the circuit's (or request's) user against the store and a policy; any doubt is a refusal.</summary>
internal sealed partial class UserAccess(
    AuthenticationStateProvider authenticationState,
    IServiceScopeFactory scopes,
    IAuthorizationService authorization,
    IOptions<IdentityOptions> identityOptions,
    Callers.CallerFactory callers,
    Callers.CredentialCache cache,
    ILogger<UserAccess> logger) : IUserAccess
{
    private static WebUI.Engine.Security.Admission.Caller Anonymous => Callers.CallerFactory.Anonymous;

    public async Task<WebUI.Engine.Security.Admission.Caller> CallerAsync(CancellationToken cancellationToken) =>
        await CallerAsync((await authenticationState.GetAuthenticationStateAsync()).User, cancellationToken);

    public async Task<WebUI.Engine.Security.Admission.Caller> CallerAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (principal.Identity?.IsAuthenticated != true) return Anonymous;
        var userId = principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.UserIdClaimType);
        var stamp = principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
        if (userId is null || stamp is null) return Anonymous;
        var key = $"session:{userId}:{stamp}";
        if (cache.Get(key) is { } cached) return cached;

        await using var scope = scopes.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<WebUIUser>>().FindByIdAsync(userId);
        if (user is null || user.IsDisabled || !string.Equals(stamp, user.SecurityStamp, StringComparison.Ordinal)) return Anonymous;
        var caller = await callers.ForUserIdAsync(userId, cancellationToken);
        if (caller is null) return Anonymous;
        cache.Put(key, caller, null);
        return caller;
    }

    public async Task<string> DemandAsync(string policy, CancellationToken cancellationToken)
    {
        var (allowed, name) = await CheckAsync(policy, cancellationToken);
        if (allowed) return name!;
        LogDenied(logger, name ?? "(anonymous)", policy);
        throw new EngineException(ErrorKind.Forbidden, name is null
            ? "You are not signed in (or your session ended); sign in again."
            : $"Your role does not allow this (it needs {policy}).");
    }

    public async Task<bool> IsAllowedAsync(string policy, CancellationToken cancellationToken) =>
        (await CheckAsync(policy, cancellationToken)).Allowed;

    private async Task<(bool Allowed, string? Name)> CheckAsync(string policy, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var principal = (await authenticationState.GetAuthenticationStateAsync()).User;
        if (principal.Identity?.IsAuthenticated != true) return (false, null);

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WebUIUser>>();
        var user = await users.GetUserAsync(principal);
        if (user is null || user.IsDisabled) return (false, null);
        // A session from before a password change (or a role change, or disabling) carries the old stamp.
        var stamp = principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
        if (stamp is null || !string.Equals(stamp, user.SecurityStamp, StringComparison.Ordinal)) return (false, null);

        // Evaluate the policy on the user as stored now, not on the claims the session started with.
        var current = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<WebUIUser>>().CreateAsync(user);
        var result = await authorization.AuthorizeAsync(current, null, policy);
        return (result.Succeeded, user.UserName);
    }
}
