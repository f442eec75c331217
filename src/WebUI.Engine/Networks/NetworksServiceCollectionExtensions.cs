using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebUI.Engine.Hosting;

namespace WebUI.Engine.Networks;

internal static class NetworksServiceCollectionExtensions
{
    /// <summary>
    /// The network manager (host and none built in), its drivers (bridge and macvlan over CNI; another driver is one more
    /// <see cref="INetworkDriver"/> registration here), its options from "Engine", and the embedded DNS server.
    /// </summary>
    public static IServiceCollection AddNetworks(this IServiceCollection services)
    {
        services.AddOptions<NetworkOptions>().BindConfiguration(EngineOptions.SectionName);
        services.AddSingleton<CniInvoker>();
        services.AddSingleton<INetworkDriver>(sp => new BridgeDriver(sp.GetRequiredService<CniInvoker>(), IpamDir(sp)));
        services.AddSingleton<INetworkDriver>(sp => new MacvlanDriver(sp.GetRequiredService<CniInvoker>(), IpamDir(sp)));
        services.AddSingleton<EmbeddedDns>();
        services.AddSingleton<NetworkManager>();
        services.AddSingleton<INetworkManager>(sp => sp.GetRequiredService<NetworkManager>());
        services.AddSingleton<IEngineInitializer>(sp => sp.GetRequiredService<NetworkManager>());
        return services;
    }

    private static string IpamDir(IServiceProvider services) =>
        NetworkStore.IpamDirOf(services.GetRequiredService<IOptions<EngineOptions>>().Value.DataRoot);
}
