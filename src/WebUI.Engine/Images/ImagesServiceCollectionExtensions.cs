using Microsoft.Extensions.DependencyInjection;

namespace WebUI.Engine.Images;

internal static class ImagesServiceCollectionExtensions
{
    /// <summary>Content store, snapshots, layers and the image service.</summary>
    public static IServiceCollection AddImages(this IServiceCollection services)
    {
        return services;
    }
}
