using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace WebUI.Identity;

/// <summary>
/// A live circuit outlives the cookie check made when it started: every <see cref="AuthOptions.SessionValidationInterval"/>
/// it re-checks the user's security stamp (and disabled flag), and a failed check signs the circuit out.
/// </summary>
internal sealed class RevalidatingIdentityAuthenticationStateProvider(
    ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> identityOptions, IOptions<AuthOptions> authOptions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval =>
        authOptions.Value.SessionValidationInterval > TimeSpan.FromSeconds(1) ? authOptions.Value.SessionValidationInterval : TimeSpan.FromSeconds(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WebUIUser>>();
        var user = await users.GetUserAsync(authenticationState.User);
        if (user is null || user.IsDisabled) return false;
        var stamp = authenticationState.User.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp is not null && string.Equals(stamp, user.SecurityStamp, StringComparison.Ordinal);
    }
}
