using Microsoft.Extensions.DependencyInjection;
using WebUI.Engine.Hosting;

namespace WebUI.Engine.Distribution;

internal static class DistributionServiceCollectionExtensions
{
    /// <summary>The distribution client (pull, push, login); options from the "Engine" section.</summary>
    public static IServiceCollection AddDistribution(this IServiceCollection services)
    {
        services.AddOptions<DistributionOptions>().BindConfiguration(EngineOptions.SectionName);
        services.AddSingleton<RegistryHttpClients>();
        services.AddSingleton<RegistryEndpoints>();
        services.AddSingleton<RegistrySessions>();
        services.AddSingleton<LayerBlobIndex>();
        services.AddSingleton<PulledManifests>();
        services.AddSingleton<ImagePuller>();
        services.AddSingleton<ImagePusher>();
        services.AddSingleton<IImageDistribution, DistributionService>();
        services.AddSingleton<IEngineInitializer, PullTempCleaner>();
        return services;
    }
}
