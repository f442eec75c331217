namespace WebUI.Services;

/// <summary>Registers the dashboard's views of the engine (one per circuit).</summary>
public static class UiServiceCollectionExtensions
{
    public static IServiceCollection AddDashboardViews(this IServiceCollection services)
    {
        services.AddSingleton<ContainerChanges>();
        services.AddScoped<ImagesView>();
        services.AddScoped<VolumesView>();
        services.AddScoped<NetworksView>();
        services.AddScoped<BuildView>();
        services.AddScoped<ContainersView>();
        services.AddScoped<ContainerInsightsView>();
        services.AddScoped<DashboardView>();
        return services;
    }
}
