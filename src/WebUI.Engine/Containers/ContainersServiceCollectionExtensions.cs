using Microsoft.Extensions.DependencyInjection;
using WebUI.Engine.Hosting;
using WebUI.Engine.Images;
using WebUI.Engine.Runtime;

namespace WebUI.Engine.Containers;

internal static class ContainersServiceCollectionExtensions
{
    /// <summary>Container store, OCI runtime (conmon + runc), logs and the container service.</summary>
    public static IServiceCollection AddContainers(this IServiceCollection services)
    {
        services.AddSingleton<ConmonRuntime>();
        services.AddSingleton(sp => sp.GetRequiredService<ConmonRuntime>().Paths);
        services.AddSingleton<ContainerStore>();
        services.AddSingleton<ExitWatcher>();
        services.AddSingleton<ContainerService>();
        services.AddSingleton<IContainerService>(sp => sp.GetRequiredService<ContainerService>());
        services.AddSingleton<IImageUsage>(sp => sp.GetRequiredService<ContainerService>());
        services.AddSingleton<Exec.IExecService>(sp => sp.GetRequiredService<ContainerService>());
        services.AddSingleton<IEngineInitializer, ContainersInitializer>();
        services.AddSingleton<Volumes.IVolumeUsage, ContainerVolumeUsage>();
        return services;
    }
}
