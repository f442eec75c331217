using Microsoft.Extensions.DependencyInjection;
using WebUI.Engine.Hosting;

namespace WebUI.Engine.Build;

internal static class BuilderServiceCollectionExtensions
{
    /// <summary>The Dockerfile builder and its layer cache.</summary>
    public static IServiceCollection AddBuilder(this IServiceCollection services)
    {
        services.AddSingleton<BuildCache>();
        services.AddSingleton<IImageBuilder, ImageBuilder>();
        services.AddSingleton<IEngineInitializer, BuildTempCleaner>();
        return services;
    }
}
