using WebUI.Engine.Security.Admission;

namespace WebUI.Identity.Callers;

/// <summary>Web requests (pages rendered on the server, forms, the registry) run as the signed-in user's caller; after authentication.</summary>
internal sealed class WebCallerMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IUserAccess access)
    {
        using (CallerContext.Enter(await access.CallerAsync(context.User, context.RequestAborted))) await next(context);
    }
}
