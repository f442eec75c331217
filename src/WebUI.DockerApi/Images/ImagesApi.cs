using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace WebUI.DockerApi.Images;

/// <summary>Docker Engine API: /images.</summary>
public static class ImagesApi
{
    public static IEndpointRouteBuilder MapImagesApi(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
