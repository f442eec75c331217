using Microsoft.Extensions.DependencyInjection;

namespace WebUI.Engine.Commit;

internal static class CommitServiceCollectionExtensions
{
    /// <summary>Layer commits from directories and docker commit.</summary>
    public static IServiceCollection AddCommit(this IServiceCollection services)
    {
        services.AddSingleton<LayerCommitter>();
        services.AddSingleton<IContainerCommitter, ContainerCommitter>();
        return services;
    }
}
