using Microsoft.Extensions.DependencyInjection;
using WebUI.Engine.Containers;

namespace WebUI.Engine.Files;

internal static class FilesServiceCollectionExtensions
{
    /// <summary>The dashboard's file browser (register after AddContainers).</summary>
    public static IServiceCollection AddContainerFiles(this IServiceCollection services) =>
        services.AddSingleton<IContainerFiles>(sp => sp.GetRequiredService<ContainerService>());
}
