using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;
using WebUI.Components.Account.Pages;

namespace WebUI.Identity;

/// <summary>Once the first admin exists, /setup answers a bare 404 (no page, no hint), also after a restart.</summary>
internal sealed class SetupClosedMiddleware(RequestDelegate next, SetupGate gate)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (gate.IsOpen || context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type != typeof(Setup)) return next(context);
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
