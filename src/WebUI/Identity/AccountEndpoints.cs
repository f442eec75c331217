using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using WebUI.Audit;

namespace WebUI.Identity;

/// <summary>Account actions that are not pages: logout is a POST with an antiforgery token, never a GET a link could trigger.</summary>
internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account");
        // Any signed-in user may sign out; the form's antiforgery token is checked by UseAntiforgery.
        account.MapPost("/logout", LogoutAsync).RequireAuthorization();
    }

    private static async Task<IResult> LogoutAsync(
        ClaimsPrincipal user, HttpContext context, [FromServices] SignInManager<WebUIUser> signIn, [FromServices] IAuditLog audit, [FromForm] string? returnUrl)
    {
        var name = user.Identity?.Name ?? "";
        await signIn.SignOutAsync();
        await audit.RecordAsync(new AuditRecord(name, AuditActions.Logout, name, AuditResults.Success, FrontDoors.Account, RequestSource.Of(context)), context.RequestAborted);
        return TypedResults.LocalRedirect("/account/login");
    }
}
