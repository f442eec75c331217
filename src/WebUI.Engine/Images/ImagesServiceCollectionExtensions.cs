using Microsoft.Extensions.DependencyInjection;
using WebUI.Engine.Content;
using WebUI.Engine.Hosting;
using WebUI.Engine.Layers;
using WebUI.Engine.Snapshots;

namespace WebUI.Engine.Images;

internal static class ImagesServiceCollectionExtensions
{
    /// <summary>Content store, snapshots, layers and the image service.</summary>
    public static IServiceCollection AddImages(this IServiceCollection services)
    {
        services.AddSingleton<LocalContentStore>();
        services.AddSingleton<IContentStore>(sp => sp.GetRequiredService<LocalContentStore>());
        services.AddSingleton<OverlaySnapshotter>();
        services.AddSingleton<ISnapshotter>(sp => sp.GetRequiredService<OverlaySnapshotter>());
        services.AddSingleton<LayerApplier>();
        services.AddSingleton<ImageStore>();
        services.AddSingleton<ImageService>();
        services.AddSingleton<IImageService>(sp => sp.GetRequiredService<ImageService>());
        services.AddSingleton<IEngineInitializer, ImagesInitializer>();
        return services;
    }
}
