using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WebUI.Engine.Build;
using WebUI.Engine.Commit;
using WebUI.Engine.Containers;
using WebUI.Engine.Distribution;
using WebUI.Engine.Events;
using WebUI.Engine.Files;
using WebUI.Engine.Images;
using WebUI.Engine.Networks;
using WebUI.Engine.Recording;
using WebUI.Engine.Security;
using WebUI.Engine.Security.Admission;
using WebUI.Engine.Volumes;

namespace WebUI.Engine.Hosting;

/// <summary>The DI entry point of the engine.</summary>
public static class EngineServiceCollectionExtensions
{
    /// <summary>Registers every engine subsystem and the hosted service that starts them; options bound from "Engine".</summary>
    public static IServiceCollection AddContainerEngine(this IServiceCollection services)
    {
        services.AddOptions<EngineOptions>().BindConfiguration(EngineOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EngineReadiness>();
        services.AddSingleton<IEventBus, EventBus>();
        services.AddSingleton<SeccompProfiles>();
        services.AddSingleton<IEngineInitializer, Cgroups.CgroupDynModsInitializer>();
        services.AddAdmission();
        services.AddImages();
        services.AddDistribution();
        services.AddContainers();
        services.AddExecRecording();
        services.AddContainerFiles();
        services.AddVolumes();
        services.AddNetworks();
        services.AddCommit();
        services.AddBuilder();
        services.AddHostedService<EngineHostedService>();
        return services;
    }
}
