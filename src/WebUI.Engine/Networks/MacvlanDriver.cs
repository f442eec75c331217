using System.Text.Json.Nodes;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Networks;

/// <summary>Docker's macvlan driver through the CNI macvlan plugin: each container gets a macvlan of -o parent=IFACE.</summary>
internal sealed class MacvlanDriver(CniInvoker cni, string ipamDir) : CniDriverBase(cni, ipamDir)
{
    public const string ParentOption = "parent";
    public const string ModeOption = "macvlan_mode";

    public override string Name => "macvlan";

    public override Task<NetworkRecord> CreateAsync(NetworkRecord network, CancellationToken cancellationToken)
    {
        if (!network.Options.TryGetValue(ParentOption, out var parent) || parent.Length == 0)
            throw EngineException.Invalid("macvlan networks need a parent interface: -o parent=IFACE");
        if (parent.Contains('/') || !Directory.Exists(Path.Combine("/sys/class/net", parent)))
            throw EngineException.Invalid($"-o parent interface \"{parent}\" was not found on the host");
        var mode = network.Options.GetValueOrDefault(ModeOption, "bridge");
        if (mode is not ("bridge" or "private" or "vepa" or "passthru"))
            throw EngineException.Invalid($"macvlan mode \"{mode}\" is not one of bridge, private, vepa, passthru");
        return Task.FromResult(network with { Device = parent });
    }

    protected override JsonObject MainPlugin(NetworkRecord network) => new()
    {
        ["type"] = "macvlan",
        ["master"] = network.Device,
        ["mode"] = network.Options.GetValueOrDefault(ModeOption, "bridge"),
    };

    protected override bool RouteOut(NetworkRecord network) => !network.Internal && network.Ipam.Any(p => p.Gateway.Length > 0);
}
