using System.Text.Json.Nodes;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Networks;

/// <summary>
/// Docker's bridge driver through the CNI bridge plugin: a Linux bridge per network (created on first attach, removed with
/// the network), veth pairs, the gateway address on the bridge, portmap for -p; masquerading out (unless --internal or
/// turned off) by one rule per network (<see cref="BridgeMasquerade"/>), not by the plugin per container.
/// </summary>
internal sealed class BridgeDriver(CniInvoker cni, string ipamDir) : CniDriverBase(cni, ipamDir)
{
    private readonly BridgeMasquerade _masquerade = new();

    public const string BridgeNameOption = "com.docker.network.bridge.name";
    public const string MasqueradeOption = "com.docker.network.bridge.enable_ip_masquerade";
    public const string MtuOption = "com.docker.network.driver.mtu";

    public override string Name => "bridge";

    public override Task<NetworkRecord> CreateAsync(NetworkRecord network, CancellationToken cancellationToken)
    {
        var device = network.Options.TryGetValue(BridgeNameOption, out var n) && n.Length > 0 ? n : "br-" + network.Id[..12];
        if (device.Length > 15 || device.Any(c => c is '/' or ' ' or ':'))
            throw EngineException.Invalid($"invalid bridge name \"{device}\": at most 15 characters, no '/', ':' or spaces");
        if (network.Options.TryGetValue(MtuOption, out var mtu) && !int.TryParse(mtu, out _))
            throw EngineException.Invalid($"invalid MTU \"{mtu}\"");
        foreach (var pool in network.Ipam)
            if (pool.Gateway.Length == 0) throw EngineException.Invalid($"subnet {pool.Subnet} has no gateway");
        return Task.FromResult(network with { Device = device });
    }

    protected override Task PrepareAsync(NetworkRecord network, CancellationToken cancellationToken) =>
        Masquerades(network) ? _masquerade.EnsureAsync(network, cancellationToken) : Task.CompletedTask;

    public override async Task DeleteAsync(NetworkRecord network, CancellationToken cancellationToken)
    {
        await base.DeleteAsync(network, cancellationToken);
        if (network.Device.Length > 0) await _masquerade.RemoveAsync(network, cancellationToken);
        if (network.Device.Length > 0 && Directory.Exists(Path.Combine("/sys/class/net", network.Device)))
            await IpCommand.RunAsync(["link", "del", network.Device], cancellationToken);
    }

    protected override JsonObject MainPlugin(NetworkRecord network)
    {
        var plugin = new JsonObject
        {
            ["type"] = "bridge",
            ["bridge"] = network.Device,
            ["isGateway"] = !network.Internal,
            ["ipMasq"] = false,
            ["hairpinMode"] = true,
        };
        if (network.Options.TryGetValue(MtuOption, out var mtu)) plugin["mtu"] = int.Parse(mtu);
        return plugin;
    }

    private static bool Masquerades(NetworkRecord network) =>
        !network.Internal && (!network.Options.TryGetValue(MasqueradeOption, out var m) || m is not ("false" or "0"));
}
