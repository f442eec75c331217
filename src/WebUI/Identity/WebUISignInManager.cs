using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace WebUI.Identity;

/// <summary>Identity's sign-in manager, refusing disabled users both at sign-in and at every session validation.</summary>
internal sealed class WebUISignInManager(
    UserManager<WebUIUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<WebUIUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<WebUIUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<WebUIUser> confirmation)
    : SignInManager<WebUIUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(WebUIUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<WebUIUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: false } ? user : null;
    }
}
