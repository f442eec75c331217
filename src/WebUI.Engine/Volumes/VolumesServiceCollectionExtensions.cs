using Microsoft.Extensions.DependencyInjection;
using WebUI.Engine.Hosting;

namespace WebUI.Engine.Volumes;

internal static class VolumesServiceCollectionExtensions
{
    /// <summary>The local volume driver and the volume service.</summary>
    public static IServiceCollection AddVolumes(this IServiceCollection services)
    {
        services.AddSingleton<VolumeService>();
        services.AddSingleton<IVolumeService>(sp => sp.GetRequiredService<VolumeService>());
        services.AddSingleton<IEngineInitializer>(sp => sp.GetRequiredService<VolumeService>());
        return services;
    }
}
