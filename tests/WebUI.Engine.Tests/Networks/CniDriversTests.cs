using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WebUI.Engine.Networks;

namespace WebUI.Engine.Tests.Networks;

/// <summary>Real kernel: the bridge and macvlan drivers running the CNI plugins into namespaces the test makes.</summary>
public sealed class CniDriversTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine("/tmp/wt", "cni" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _bridge = NetTestHost.DeviceName("wtb");
    private readonly string _parent = NetTestHost.DeviceName("wtp");
    private readonly string _containerId = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private NetworkNamespaces _netns = null!;
    private CniInvoker _cni = null!;
    private string IpamDir => Path.Combine(_root, "ipam");

    public Task InitializeAsync()
    {
        _netns = new NetworkNamespaces(Path.Combine(_root, "netns"));
        _cni = new CniInvoker(Options.Create(new NetworkOptions()), NullLogger<CniInvoker>.Instance);
        Directory.CreateDirectory(IpamDir);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        // Whatever a failed test left: namespaces, the bridge, the macvlan parent, rules of this container.
        if (Directory.Exists(_netns.Directory))
            foreach (var f in Directory.GetFiles(_netns.Directory)) NetworkNamespaces.Delete(f);
        await NetTestHost.DeleteLinkAsync(_bridge);
        await NetTestHost.DeleteLinkAsync(_parent);
        Directory.Delete(_root, recursive: true);
    }

    private static NetworkRecord Network(string driver, string subnet, string device, bool @internal = false, Dictionary<string, string>? options = null)
    {
        var c = Cidr.Parse(subnet);
        return new NetworkRecord
        {
            Id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            Name = "t", Driver = driver, Internal = @internal,
            Ipam = [new IpamPool(subnet, Cidr.FromUInt(c.FirstHost), null)],
            Options = options ?? new Dictionary<string, string> { [BridgeDriver.BridgeNameOption] = device },
        };
    }

    private static List<(string Name, string Address)> AddressesIn(string netns) => NetworkNamespaces.RunIn(netns, () =>
        NetworkInterface.GetAllNetworkInterfaces().SelectMany(i => i.GetIPProperties().UnicastAddresses
            .Where(a => a.Address.AddressFamily == AddressFamily.InterNetwork).Select(a => (i.Name, a.Address.ToString()))).ToList());

    [Fact]
    public async Task Bridge_attach_gives_an_address_in_the_namespace_and_detach_releases_lease_rules_and_bridge()
    {
        var driver = new BridgeDriver(_cni, IpamDir);
        var network = await driver.CreateAsync(Network("bridge", NetTestHost.Subnet24(), _bridge), CancellationToken.None);
        Assert.Equal(_bridge, network.Device);
        var ns = _netns.Create("c1");

        var endpoint = await driver.AttachAsync(network, new EndpointRequest(_containerId, ns, "eth0", new EndpointConfig(), []), CancellationToken.None);

        var subnet = Cidr.Parse(network.Ipam[0].Subnet);
        Assert.True(subnet.Contains(Cidr.ParseAddress(endpoint.IPv4Address.Split('/')[0])));
        Assert.Equal(network.Ipam[0].Gateway, endpoint.Gateway);
        Assert.Contains(("eth0", endpoint.IPv4Address.Split('/')[0]), AddressesIn(ns));
        Assert.True(NetTestHost.LinkExists(_bridge));
        var leaseDir = Path.Combine(IpamDir, network.Id);
        Assert.Contains(Directory.GetFiles(leaseDir), f => Path.GetFileName(f) == endpoint.IPv4Address.Split('/')[0]);
        // NAT is one masquerade rule for the network (as Docker's), none per container.
        Assert.Single(await NetTestHost.RulesMentioningAsync($"webui masquerade {_bridge}"));
        Assert.Empty(await NetTestHost.RulesMentioningAsync(_containerId));

        await driver.DetachAsync(network, endpoint, _containerId, ns, CancellationToken.None);
        Assert.DoesNotContain(AddressesIn(ns), a => a.Name == "eth0");
        Assert.DoesNotContain(Directory.GetFiles(leaseDir), f => Path.GetFileName(f) == endpoint.IPv4Address.Split('/')[0]);
        Assert.Empty(await NetTestHost.RulesMentioningAsync(_containerId));

        await driver.DeleteAsync(network, CancellationToken.None);
        Assert.False(NetTestHost.LinkExists(_bridge));
        Assert.False(Directory.Exists(leaseDir));
        Assert.Empty(await NetTestHost.RulesMentioningAsync($"webui masquerade {_bridge}"));
    }

    [Fact]
    public async Task Bridge_attach_honours_a_static_address_and_internal_has_no_default_route()
    {
        var driver = new BridgeDriver(_cni, IpamDir);
        var network = await driver.CreateAsync(Network("bridge", NetTestHost.Subnet24(), _bridge, @internal: true), CancellationToken.None);
        var ns = _netns.Create("c2");
        var wanted = Cidr.FromUInt(Cidr.Parse(network.Ipam[0].Subnet).Network + 77);

        var endpoint = await driver.AttachAsync(network, new EndpointRequest(_containerId, ns, "eth0", new EndpointConfig { IPv4Address = wanted }, []), CancellationToken.None);

        Assert.Equal(wanted, endpoint.IPv4Address.Split('/')[0]);
        Assert.Equal("", endpoint.Gateway);
        var routes = NetworkNamespaces.RunIn(ns, () => File.ReadAllLines("/proc/thread-self/net/route"));
        Assert.DoesNotContain(routes.Skip(1), r => r.Split('\t')[1] == "00000000");
        await driver.DetachAsync(network, endpoint, _containerId, ns, CancellationToken.None);
        await driver.DeleteAsync(network, CancellationToken.None);
    }

    [Fact]
    public async Task Detach_after_the_namespace_is_gone_still_releases_the_lease()
    {
        var driver = new BridgeDriver(_cni, IpamDir);
        var network = await driver.CreateAsync(Network("bridge", NetTestHost.Subnet24(), _bridge), CancellationToken.None);
        var ns = _netns.Create("c3");
        var endpoint = await driver.AttachAsync(network, new EndpointRequest(_containerId, ns, "eth0", new EndpointConfig(), []), CancellationToken.None);
        NetworkNamespaces.Delete(ns);

        await driver.DetachAsync(network, endpoint, _containerId, ns, CancellationToken.None);

        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(IpamDir, network.Id)), f => Path.GetFileName(f) == endpoint.IPv4Address.Split('/')[0]);
        Assert.Empty(await NetTestHost.RulesMentioningAsync(_containerId));
        await driver.DeleteAsync(network, CancellationToken.None);
    }

    [Fact]
    public async Task Macvlan_over_a_veth_parent_gives_the_namespace_an_address()
    {
        var peer = _parent + "x";
        Assert.Equal(0, (await NetTestHost.RunAsync("ip", "link", "add", _parent, "type", "veth", "peer", "name", peer)).ExitCode);
        await NetTestHost.RunAsync("ip", "link", "set", _parent, "up");
        var driver = new MacvlanDriver(_cni, IpamDir);
        var network = await driver.CreateAsync(Network("macvlan", NetTestHost.Subnet24(), _parent,
            options: new Dictionary<string, string> { [MacvlanDriver.ParentOption] = _parent }), CancellationToken.None);
        var ns = _netns.Create("c4");

        var endpoint = await driver.AttachAsync(network, new EndpointRequest(_containerId, ns, "eth0", new EndpointConfig(), []), CancellationToken.None);

        Assert.Contains(("eth0", endpoint.IPv4Address.Split('/')[0]), AddressesIn(ns));
        await driver.DetachAsync(network, endpoint, _containerId, ns, CancellationToken.None);
        Assert.DoesNotContain(AddressesIn(ns), a => a.Name == "eth0");
        await driver.DeleteAsync(network, CancellationToken.None);
    }

    [Fact]
    public async Task Macvlan_without_a_parent_is_refused()
    {
        var driver = new MacvlanDriver(_cni, IpamDir);
        var e = await Assert.ThrowsAsync<WebUI.Engine.Errors.EngineException>(() =>
            driver.CreateAsync(Network("macvlan", NetTestHost.Subnet24(), "", options: []), CancellationToken.None));
        Assert.Contains("parent", e.Message);
    }

    [Fact]
    public async Task A_plugin_error_is_reported_with_the_plugins_message()
    {
        var driver = new BridgeDriver(_cni, IpamDir);
        var network = await driver.CreateAsync(Network("bridge", NetTestHost.Subnet24(), _bridge), CancellationToken.None);
        var e = await Assert.ThrowsAsync<WebUI.Engine.Errors.EngineException>(() =>
            driver.AttachAsync(network, new EndpointRequest(_containerId, Path.Combine(_root, "no-such-netns"), "eth0", new EndpointConfig(), []), CancellationToken.None));
        Assert.Contains("failed to set up container networking", e.Message);
        Assert.Contains("no-such-netns", e.Message);
        await driver.DeleteAsync(network, CancellationToken.None);
    }
}
