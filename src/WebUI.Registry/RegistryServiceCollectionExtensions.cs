using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WebUI.Engine.Distribution;
using WebUI.Registry.Access;
using WebUI.Registry.Storage;
using WebUI.Registry.Uploads;

namespace WebUI.Registry;

/// <summary>The DI entry point of the built-in registry.</summary>
public static class RegistryServiceCollectionExtensions
{
    /// <summary>Registers the registry's storage, upload sessions (with their expiry sweep) and the default access policy; options from "Registry".</summary>
    public static IServiceCollection AddRegistry(this IServiceCollection services)
    {
        services.AddOptions<RegistryOptions>().BindConfiguration(RegistryOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRegistryAccessPolicy, LoopbackAnonymousAccessPolicy>();
        services.AddSingleton<RegistryStore>();
        services.AddSingleton<IContentHolder>(sp => sp.GetRequiredService<RegistryStore>());
        services.AddSingleton<UploadSessions>();
        services.AddHostedService<UploadJanitor>();
        return services;
    }
}
