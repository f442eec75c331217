using System.Net;
using System.Net.Sockets;
using WebUI.Audit;
using WebUI.Engine.Containers;
using WebUI.Engine.Errors;
using WebUI.Engine.Events;
using WebUI.Engine.Networks;
using WebUI.Identity;

namespace WebUI.Services;

/// <summary>The networks page's view of the engine: the list with members, create, remove, connect, disconnect, inspect.</summary>
public sealed class NetworksView(INetworkManager networks, IContainerService containers, IEventBus events, ChangeGuard guard)
{
    private static readonly Dictionary<string, IReadOnlyList<string>> NoFilters = [];
    private static readonly string[] Drivers = ["bridge", "macvlan"];

    public IReadOnlyList<NetworkRow> List(string? search)
    {
        var members = MembersByNetwork();
        return networks.List(NoFilters)
            .Where(n => Paging.Matches(search, [n.Id, n.Name, n.Driver, .. n.Ipam.Select(p => p.Subnet), .. n.Labels.Select(l => $"{l.Key}={l.Value}")]))
            .OrderBy(n => n.Predefined ? 0 : 1).ThenBy(n => n.Name, StringComparer.Ordinal)
            .Select(n => new NetworkRow(
                n.Id, n.Name, n.Driver,
                n.Ipam.FirstOrDefault()?.Subnet ?? "",
                n.Ipam.FirstOrDefault()?.Gateway ?? "",
                n.Internal, n.Predefined, n.Created, n.Labels,
                members.TryGetValue(n.Id, out var m) ? m.Count : 0))
            .ToList();
    }

    /// <summary>Creates a bridge or macvlan network from the form. Bad input: InvalidArgument naming the field, nothing created.</summary>
    public Task<NetworkRecord> CreateAsync(NetworkForm form, CancellationToken cancellationToken)
    {
        var name = form.Name?.Trim();
        if (string.IsNullOrEmpty(name)) throw EngineException.Invalid("enter a network name");
        var driver = form.Driver.Trim();
        if (!Drivers.Contains(driver)) throw EngineException.Invalid($"driver \"{driver}\" is not one of bridge, macvlan");
        var subnet = Trimmed(form.Subnet);
        var gateway = Trimmed(form.Gateway);
        var range = Trimmed(form.IPRange);
        if (subnet is null && (gateway is not null || range is not null)) throw EngineException.Invalid("a gateway or IP range needs a subnet");
        var options = new Dictionary<string, string>();
        if (driver == "macvlan")
        {
            var parent = Trimmed(form.Parent) ?? throw EngineException.Invalid("a macvlan network needs a parent interface");
            options["parent"] = parent;
        }
        Dictionary<string, string> labels;
        try
        {
            labels = KeyValueLines.Parse(form.Labels);
        }
        catch (FormatException e)
        {
            throw EngineException.Invalid("labels: " + e.Message);
        }
        var request = new NetworkCreateRequest
        {
            Name = name,
            Driver = driver,
            Internal = form.Internal,
            Ipam = subnet is null ? [] : [new IpamPool(subnet, gateway ?? "", range)],
            Options = options,
            Labels = labels,
        };
        // A macvlan network puts containers on a host LAN: Admins only, like host networking and host binds.
        return guard.RunAsync(driver == "macvlan" ? Policies.Admin : Policies.Operator, AuditActions.NetworkCreate, name,
            () => networks.CreateAsync(request, cancellationToken), cancellationToken);
    }

    public Task RemoveAsync(string idOrName, CancellationToken cancellationToken) =>
        guard.RunAsync(Policies.Operator, AuditActions.NetworkRemove, idOrName, () => networks.RemoveAsync(idOrName, cancellationToken), cancellationToken);

    /// <summary>Puts a container on a network with its aliases and static address. Bad input: InvalidArgument, nothing changed.</summary>
    public Task ConnectAsync(string network, NetworkConnectForm form, CancellationToken cancellationToken)
    {
        var target = Trimmed(form.Container) ?? throw EngineException.Invalid("choose a container");
        var address = Trimmed(form.IPv4Address);
        if (address is not null && (!IPAddress.TryParse(address, out var ip) || ip.AddressFamily != AddressFamily.InterNetwork || address.Contains('/')))
            throw EngineException.Invalid($"\"{address}\" is not an IPv4 address (write it without a prefix length)");
        var aliases = (form.Aliases ?? "").Split([' ', ',', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var config = new EndpointConfig { Aliases = aliases, IPv4Address = address };
        return guard.RunAsync(Policies.Operator, AuditActions.NetworkConnect, $"{network} {target}", async () =>
        {
            var container = containers.Get(target);
            await networks.ConnectAsync(network, container.Id, config, cancellationToken);
        }, cancellationToken);
    }

    public Task DisconnectAsync(string network, string containerId, bool force, CancellationToken cancellationToken) =>
        guard.RunAsync(Policies.Operator, AuditActions.NetworkDisconnect, $"{network} {containerId}",
            () => networks.DisconnectAsync(network, containerId, force, cancellationToken), cancellationToken);

    public NetworkDetails Inspect(string idOrName)
    {
        var network = networks.Get(idOrName);
        return new NetworkDetails(network, MembersByNetwork().GetValueOrDefault(network.Id) ?? []);
    }

    /// <summary>Container names for the connect form's suggestions.</summary>
    public IReadOnlyList<string> ContainerNames() =>
        containers.List(new ContainerListOptions { All = true }).Select(c => c.Name.TrimStart('/')).Order(StringComparer.Ordinal).ToList();

    /// <summary>Calls <paramref name="changed"/> when a network changes, a container joins or leaves one, or a container starts, stops or goes.</summary>
    public IDisposable OnChange(Action changed) =>
        events.Subscribe(e =>
        {
            if (e.Type == "network" || (e.Type == "container" && e.Action is "create" or "start" or "die" or "destroy")) changed();
        });

    /// <summary>Every container with its networks, stopped ones included (they rejoin at start); addresses for running ones.</summary>
    private Dictionary<string, List<NetworkMember>> MembersByNetwork()
    {
        var result = new Dictionary<string, List<NetworkMember>>(StringComparer.Ordinal);
        foreach (var c in containers.List(new ContainerListOptions { All = true }))
        {
            if (networks.Sandbox(c.Id) is not { } sandbox) continue;
            foreach (var (networkId, config) in sandbox.Networks)
            {
                sandbox.Endpoints.TryGetValue(networkId, out var endpoint);
                if (!result.TryGetValue(networkId, out var list)) result[networkId] = list = [];
                list.Add(new NetworkMember(c.Id, c.Name.TrimStart('/'), c.State.Status, config.Aliases,
                    endpoint?.IfName, endpoint?.IPv4Address, endpoint?.MacAddress));
            }
        }
        return result;
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
