using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebUI.Registry.Routing;

namespace WebUI.Registry;

/// <summary>Maps the OCI distribution API at /v2 (web port only: it carries no Docker API metadata).</summary>
public static class RegistryEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapRegistry(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<RegistryOptions>>().Value.Enabled) return app;
        // One catch-all: repository names contain slashes, so the dispatcher parses the path from its end.
        // Not the dashboard's login: the registry answers with its own challenge (WWW-Authenticate), decided by IRegistryAccessPolicy.
        app.Map("/v2", RegistryDispatcher.HandleAsync).WithDisplayName("Registry /v2").AllowAnonymous();
        app.Map("/v2/{**path}", RegistryDispatcher.HandleAsync).WithDisplayName("Registry /v2/*").AllowAnonymous();
        return app;
    }
}
