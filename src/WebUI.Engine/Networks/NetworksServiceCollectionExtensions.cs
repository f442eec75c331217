using Microsoft.Extensions.DependencyInjection;
using WebUI.Engine.Hosting;

namespace WebUI.Engine.Networks;

internal static class NetworksServiceCollectionExtensions
{
    /// <summary>The network manager (bridge, macvlan, host, none over CNI), its options from "Engine", and the embedded DNS server.</summary>
    public static IServiceCollection AddNetworks(this IServiceCollection services)
    {
        services.AddOptions<NetworkOptions>().BindConfiguration(EngineOptions.SectionName);
        services.AddSingleton<CniInvoker>();
        services.AddSingleton<EmbeddedDns>();
        services.AddSingleton<NetworkManager>();
        services.AddSingleton<INetworkManager>(sp => sp.GetRequiredService<NetworkManager>());
        services.AddSingleton<IEngineInitializer>(sp => sp.GetRequiredService<NetworkManager>());
        return services;
    }
}
