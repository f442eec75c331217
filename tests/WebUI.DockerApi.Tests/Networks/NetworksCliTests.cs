using System.Text.Json;
using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Networks;

/// <summary>
/// The real docker CLI against a live server: user-defined bridges with DNS names and aliases, published ports,
/// --internal, none, macvlan, connect/disconnect, and nothing left behind. Traffic goes only to loopback and to the
/// containers and namespaces the tests make. Subnets come from the server's own block (no other server or test run
/// uses them), so the last test can tell whatever the suite left on the host by its addresses.
/// </summary>
[TestCaseOrderer(AfterTheSuiteLastOrderer.TypeName, AfterTheSuiteLastOrderer.AssemblyName)]
public sealed class NetworksCliTests(BusyboxServerFixture fixture) : IClassFixture<BusyboxServerFixture>
{
    private WebUIServer Server => fixture.Server;

    private static string Name(string prefix = "t") => prefix + Guid.NewGuid().ToString("N")[..8];

    private string Subnet() => Server.Subnets.NextSubnet();

    /// <summary>Creates a network and returns its name; removed (with its containers) by the returned disposer.</summary>
    private async Task<Cleanup> NetworkAsync(params string[] args)
    {
        var name = Name("n");
        var cleanup = new Cleanup(Server, name);
        (await Server.DockerAsync(["network", "create", .. args, name])).EnsureSuccess();
        return cleanup;
    }

    private sealed class Cleanup(WebUIServer server, string network) : IAsyncDisposable
    {
        public string Network { get; } = network;
        public List<string> Containers { get; } = [];

        public async ValueTask DisposeAsync()
        {
            if (Containers.Count > 0) await server.DockerAsync(["rm", "-f", .. Containers]);
            // A --rm container's removal may still be under way when the test ends: retry while endpoints remain.
            for (var i = 0; i < 50; i++)
            {
                var r = await server.Docker("network", "rm", Network);
                if (r.ExitCode == 0 || !r.Stderr.Contains("active endpoints", StringComparison.Ordinal)) return;
                await Task.Delay(100);
            }
        }
    }

    [Fact]
    public async Task Containers_on_a_user_defined_network_reach_each_other_by_name_alias_and_short_id()
    {
        await using var net = await NetworkAsync("--subnet", Subnet());
        var srv = Name("s");
        net.Containers.Add(srv);
        var id = (await Server.Docker("run", "-d", "--name", srv, "--network", net.Network, "--network-alias", "webalias",
            "busybox", "sh", "-c", "echo hello > /tmp/index.html; httpd -f -p 80 -h /tmp")).EnsureSuccess().Stdout.Trim();

        var byName = await Server.Docker("run", "--rm", "--network", net.Network, "busybox", "wget", "-qO-", $"http://{srv}/");
        Assert.True(byName.ExitCode == 0, byName.ToString());
        Assert.Equal("hello\n", byName.Stdout);
        var byAlias = await Server.Docker("run", "--rm", "--network", net.Network, "busybox", "wget", "-qO-", "http://webalias/");
        Assert.Equal("hello\n", byAlias.EnsureSuccess().Stdout);
        var ping = await Server.Docker("run", "--rm", "--network", net.Network, "busybox", "ping", "-c", "1", "-W", "3", id[..12]);
        Assert.True(ping.ExitCode == 0, ping.ToString());
        var resolv = await Server.Docker("run", "--rm", "--network", net.Network, "busybox", "cat", "/etc/resolv.conf");
        Assert.Contains("nameserver 127.0.0.11", resolv.EnsureSuccess().Stdout);
    }

    [Fact]
    public async Task Static_ip_and_inspect_list_the_container_with_its_address()
    {
        var subnet = Subnet();
        var prefix = subnet[..subnet.LastIndexOf('.')];
        await using var net = await NetworkAsync("--subnet", subnet, "--gateway", prefix + ".1", "--ip-range", prefix + ".128/25", "--label", "team=net");
        var c = Name("c");
        net.Containers.Add(c);
        (await Server.Docker("run", "-d", "--name", c, "--network", net.Network, "--ip", prefix + ".50", "busybox", "sleep", "300")).EnsureSuccess();
        var dynamicName = Name("d");
        net.Containers.Add(dynamicName);
        (await Server.Docker("run", "-d", "--name", dynamicName, "--network", net.Network, "busybox", "sleep", "300")).EnsureSuccess();

        var inspect = (await Server.Docker("network", "inspect", net.Network)).EnsureSuccess().Stdout;
        using var doc = JsonDocument.Parse(inspect);
        var n = doc.RootElement[0];
        Assert.Equal(subnet, n.GetProperty("IPAM").GetProperty("Config")[0].GetProperty("Subnet").GetString());
        Assert.Equal(prefix + ".128/25", n.GetProperty("IPAM").GetProperty("Config")[0].GetProperty("IPRange").GetString());
        Assert.Equal("net", n.GetProperty("Labels").GetProperty("team").GetString());
        var addresses = n.GetProperty("Containers").EnumerateObject().ToDictionary(p => p.Value.GetProperty("Name").GetString()!, p => p.Value.GetProperty("IPv4Address").GetString()!);
        Assert.Equal(prefix + ".50/24", addresses[c]);
        Assert.True(int.Parse(addresses[dynamicName].Split('/')[0].Split('.')[3]) >= 128, addresses[dynamicName]);
        Assert.Equal(prefix + ".50", (await Server.Docker("inspect", "-f", $"{{{{.NetworkSettings.Networks.{net.Network}.IPAddress}}}}", c)).EnsureSuccess().Stdout.Trim());

        var rm = await Server.Docker("network", "rm", net.Network);
        Assert.NotEqual(0, rm.ExitCode);
        Assert.Contains("has active endpoints", rm.Stderr);
        var dup = await Server.Docker("network", "create", net.Network);
        Assert.Contains("already exists", dup.Stderr);
    }

    [Fact]
    public async Task A_published_port_answers_on_loopback_and_a_taken_port_is_a_clear_error()
    {
        var c = Name("p");
        await using var cleanup = new Cleanup(Server, "unused-" + c);
        cleanup.Containers.Add(c);
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        (await Server.Docker("run", "-d", "--name", c, "-p", $"127.0.0.1:{port}:80", "-p", "8080", "busybox", "sh", "-c",
            "echo published > /tmp/index.html; httpd -f -p 80 -h /tmp")).EnsureSuccess();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        string? body = null;
        for (var i = 0; i < 50 && body is null; i++)
        {
            try { body = await http.GetStringAsync($"http://127.0.0.1:{port}/"); }
            catch (HttpRequestException) { await Task.Delay(100); }
        }
        Assert.Equal("published\n", body);

        var ports = (await Server.Docker("port", c)).EnsureSuccess().Stdout;
        Assert.Contains($"80/tcp -> 127.0.0.1:{port}", ports);
        Assert.Matches(@"8080/tcp -> 0\.0\.0\.0:\d+", ports);

        var clash = Name("q");
        cleanup.Containers.Add(clash);
        var taken = await Server.Docker("run", "-d", "--name", clash, "-p", $"127.0.0.1:{port}:80", "busybox", "true");
        Assert.NotEqual(0, taken.ExitCode);
        Assert.True(taken.Stderr.Contains("port is already allocated", StringComparison.Ordinal), taken.ToString());
    }

    [Fact]
    public async Task Internal_network_has_no_route_out_and_none_has_only_lo()
    {
        await using var net = await NetworkAsync("--internal", "--subnet", Subnet());
        var routes = (await Server.Docker("run", "--rm", "--network", net.Network, "busybox", "ip", "route")).EnsureSuccess().Stdout;
        Assert.DoesNotContain("default", routes);
        Assert.Contains("dev eth0", routes);

        var links = (await Server.Docker("run", "--rm", "--network", "none", "busybox", "ls", "/sys/class/net")).EnsureSuccess().Stdout;
        Assert.Equal("lo", links.Trim());

        var bridgeRoutes = (await Server.Docker("run", "--rm", "busybox", "ip", "route")).EnsureSuccess().Stdout;
        Assert.Contains("default via", bridgeRoutes);
    }

    [Fact]
    public async Task Macvlan_over_a_veth_parent_gives_the_container_an_address_on_it()
    {
        var parent = "wm" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            (await ProcessRunner.RunAsync("ip", ["link", "add", parent, "type", "veth", "peer", "name", parent + "p"])).EnsureSuccess();
            (await ProcessRunner.RunAsync("ip", ["link", "set", parent, "up"])).EnsureSuccess();
            var subnet = Subnet();
            await using var net = await NetworkAsync("-d", "macvlan", "-o", $"parent={parent}", "--subnet", subnet);
            var addr = (await Server.Docker("run", "--rm", "--network", net.Network, "busybox", "ip", "-4", "-o", "addr", "show", "eth0")).EnsureSuccess().Stdout;
            Assert.Contains(subnet[..subnet.LastIndexOf('.')] + ".", addr);
        }
        finally
        {
            await ProcessRunner.RunAsync("ip", ["link", "del", parent]);
        }
    }

    [Fact]
    public async Task Connect_and_disconnect_a_running_container_with_an_alias()
    {
        await using var net = await NetworkAsync("--subnet", Subnet());
        var c = Name("k");
        net.Containers.Add(c);
        (await Server.Docker("run", "-d", "--name", c, "busybox", "sleep", "300")).EnsureSuccess();
        (await Server.Docker("network", "connect", "--alias", "late", net.Network, c)).EnsureSuccess();

        Assert.Contains(c, (await Server.Docker("network", "inspect", "-f", "{{json .Containers}}", net.Network)).EnsureSuccess().Stdout);
        var ping = await Server.Docker("run", "--rm", "--network", net.Network, "busybox", "ping", "-c", "1", "-W", "3", "late");
        Assert.True(ping.ExitCode == 0, ping.ToString());

        (await Server.Docker("network", "disconnect", net.Network, c)).EnsureSuccess();
        var gone = await Server.Docker("run", "--rm", "--network", net.Network, "busybox", "ping", "-c", "1", "-W", "1", "late");
        Assert.NotEqual(0, gone.ExitCode);
        Assert.DoesNotContain(c, (await Server.Docker("network", "inspect", "-f", "{{json .Containers}}", net.Network)).EnsureSuccess().Stdout);
    }

    [Fact]
    public async Task Ls_filters_and_prune_removes_only_unused_networks()
    {
        await using var used = await NetworkAsync("--label", "prune-test=1");
        await using var unused = await NetworkAsync("--label", "prune-test=1");
        var c = Name("u");
        used.Containers.Add(c);
        (await Server.Docker("run", "-d", "--name", c, "--network", used.Network, "busybox", "sleep", "300")).EnsureSuccess();

        var custom = (await Server.Docker("network", "ls", "--filter", "type=custom", "--format", "{{.Name}}")).EnsureSuccess().Stdout;
        Assert.Contains(used.Network, custom);
        Assert.DoesNotContain("bridge\n", custom);
        var builtin = (await Server.Docker("network", "ls", "--filter", "type=builtin", "--format", "{{.Name}}")).EnsureSuccess().Stdout;
        Assert.Equal(["bridge", "host", "none"], builtin.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());

        var pruned = (await Server.Docker("network", "prune", "-f", "--filter", "label=prune-test=1")).EnsureSuccess().Stdout;
        Assert.Contains(unused.Network, pruned);
        Assert.DoesNotContain(used.Network, pruned);
        Assert.Equal(0, (await Server.Docker("network", "inspect", used.Network)).ExitCode);
        Assert.Contains("not found", (await Server.Docker("network", "inspect", unused.Network)).Stderr);
    }

    [Fact]
    public async Task Removing_containers_and_networks_leaves_no_veth_rule_lease_or_namespace()
    {
        var net = Name("n");
        (await Server.Docker("network", "create", "--subnet", Subnet(), net)).EnsureSuccess();
        var networkId = (await Server.Docker("network", "inspect", "-f", "{{.Id}}", net)).EnsureSuccess().Stdout.Trim();
        var ids = new List<string>();
        for (var i = 0; i < 2; i++)
            ids.Add((await Server.Docker("run", "-d", "--network", net, "-p", "80", "busybox", "sleep", "300")).EnsureSuccess().Stdout.Trim());
        ids.Add((await Server.Docker("run", "-d", "busybox", "sleep", "300")).EnsureSuccess().Stdout.Trim());
        var bridge = "br-" + networkId[..12];
        Assert.True(Directory.Exists($"/sys/class/net/{bridge}"));
        // One masquerade rule for the network (as Docker's), not a chain per container.
        var nat = (await ProcessRunner.RunAsync("iptables", ["-t", "nat", "-S", "POSTROUTING"])).EnsureSuccess().Stdout;
        Assert.Single(nat.Split('\n'), l => l.Contains($"webui masquerade {bridge}", StringComparison.Ordinal));
        foreach (var id in ids) Assert.DoesNotContain(id, nat);

        (await Server.DockerAsync(["rm", "-f", .. ids])).EnsureSuccess();
        (await Server.Docker("network", "rm", net)).EnsureSuccess();

        Assert.False(Directory.Exists($"/sys/class/net/{bridge}"), "the network's bridge is left");
        var rules = (await ProcessRunner.RunAsync("iptables-save", [])).Stdout;
        foreach (var id in ids) Assert.DoesNotContain(id, rules);
        Assert.DoesNotContain(networkId, rules);
        Assert.DoesNotContain(bridge, rules);
        var netnsDir = Path.Combine(Server.ExecRoot, "netns");
        Assert.Empty(Directory.Exists(netnsDir) ? Directory.GetFiles(netnsDir) : []);
        Assert.Empty(Leftovers.MountsUnder(netnsDir));
        var ipam = Path.Combine(Server.DataRoot, "networks", "ipam");
        Assert.False(Directory.Exists(Path.Combine(ipam, networkId)), "the network's leases are left");
        // Leases of the default bridge: only host-local's bookkeeping files, no address.
        foreach (var dir in Directory.GetDirectories(ipam))
            Assert.All(Directory.GetFiles(dir), f => Assert.False(System.Net.IPAddress.TryParse(Path.GetFileName(f), out _), $"lease {f} is left"));
        // The default bridge stays (as docker0 does), with no veth left on it.
        var brif = $"/sys/class/net/{Server.BridgeName}/brif";
        Assert.Empty(Directory.Exists(brif) ? Directory.GetFileSystemEntries(brif) : []);
    }

    [Fact]
    public async Task Network_state_and_running_containers_addresses_survive_a_server_restart()
    {
        await using var net = await NetworkAsync("--subnet", Subnet());
        var c = Name("r");
        net.Containers.Add(c);
        (await Server.Docker("run", "-d", "--name", c, "--network", net.Network, "busybox", "sleep", "300")).EnsureSuccess();
        var before = (await Server.Docker("inspect", "-f", $"{{{{.NetworkSettings.Networks.{net.Network}.IPAddress}}}}", c)).EnsureSuccess().Stdout.Trim();

        await Server.StopProcessAsync();
        await Server.StartProcessAsync();

        Assert.Equal(before, (await Server.Docker("inspect", "-f", $"{{{{.NetworkSettings.Networks.{net.Network}.IPAddress}}}}", c)).EnsureSuccess().Stdout.Trim());
        var ping = await Server.Docker("run", "--rm", "--network", net.Network, "busybox", "ping", "-c", "1", "-W", "3", c);
        Assert.True(ping.ExitCode == 0, ping.ToString());
    }

    /// <summary>
    /// The issue's leak check, after the other tests of the class: their containers and networks are removed through the
    /// API (as a user would), the server stops, and nothing of its networking may remain: no bridge, veth, route, rule,
    /// lease or namespace (<see cref="NetworkLeaks"/>). Run alone, it checks a server that ran one container of each kind.
    /// </summary>
    [Fact, AfterTheSuite]
    public async Task After_the_suite_no_bridge_veth_rule_lease_or_namespace_remains()
    {
        var net = Name("z");
        (await Server.Docker("network", "create", "--subnet", Subnet(), net)).EnsureSuccess();
        (await Server.Docker("run", "-d", "--network", net, "-p", "80", "busybox", "sleep", "300")).EnsureSuccess();
        (await Server.Docker("run", "-d", "busybox", "sleep", "300")).EnsureSuccess();
        (await Server.Docker("run", "--rm", "--network", net, "busybox", "true")).EnsureSuccess();

        var containers = (await Server.Docker("ps", "-aq")).EnsureSuccess().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        (await Server.DockerAsync(["rm", "-f", .. containers])).EnsureSuccess();
        var networks = (await Server.Docker("network", "ls", "-q", "--filter", "type=custom")).EnsureSuccess().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        (await Server.DockerAsync(["network", "rm", .. networks])).EnsureSuccess();
        await Server.StopProcessAsync();

        var leaks = await NetworkLeaks.FindAsync(Server);
        Assert.True(leaks.Count == 0, $"the network suite left behind:\n{string.Join('\n', leaks)}");
    }
}
