using Microsoft.Extensions.DependencyInjection;

namespace WebUI.Engine.Security.Admission;

internal static class AdmissionServiceCollectionExtensions
{
    /// <summary>The choke point: settings store, container, volume and network admission (options bound from "Admission").</summary>
    public static IServiceCollection AddAdmission(this IServiceCollection services)
    {
        services.AddOptions<AdmissionOptions>().BindConfiguration("Admission");
        services.AddSingleton<IAdmissionSettingsStore, AdmissionSettingsStore>();
        services.AddSingleton<IContainerAdmission, ContainerAdmission>();
        services.AddSingleton<VolumeAdmission>();
        services.AddSingleton<NetworkAdmission>();
        return services;
    }
}
