using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace WebUI.DockerApi.Containers;

/// <summary>Docker Engine API: /containers.</summary>
public static class ContainersApi
{
    public static IEndpointRouteBuilder MapContainersApi(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
