using System.Text.Json;
using WebUI.Engine.Errors;
using WebUI.Engine.Networks;

namespace WebUI.Engine.Tests.Networks;

/// <summary>The parsers and formats of the network subsystem, without the kernel.</summary>
public sealed class NetworkUnitTests
{
    [Fact]
    public void Cidr_parses_checks_host_bits_and_overlaps()
    {
        var c = Cidr.Parse("10.210.3.0/24");
        Assert.Equal("10.210.3.1", Cidr.FromUInt(c.FirstHost));
        Assert.Equal("10.210.3.254", Cidr.FromUInt(c.LastHost));
        Assert.True(c.Overlaps(Cidr.Parse("10.210.0.0/16")));
        Assert.False(c.Overlaps(Cidr.Parse("10.210.4.0/24")));
        Assert.Throws<EngineException>(() => Cidr.Parse("10.210.3.1/24"));
        Assert.Throws<EngineException>(() => Cidr.Parse("nonsense"));
    }

    [Fact]
    public void Subnet_allocator_skips_used_subnets()
    {
        var pools = new[] { new AddressPoolOptions { Base = "10.233.0.0/22", Size = 24 } };
        var got = SubnetAllocator.Allocate(pools, [Cidr.Parse("10.233.0.0/24"), Cidr.Parse("10.233.1.0/24")]);
        Assert.Equal("10.233.2.0/24", got.ToString());
        Assert.Throws<EngineException>(() => SubnetAllocator.Allocate(pools, [Cidr.Parse("10.233.0.0/22")]));
    }

    [Fact]
    public void Port_bindings_read_ranges_ips_udp_and_publish_all()
    {
        using var doc = JsonDocument.Parse("""{"80/tcp":[{"HostIp":"127.0.0.1","HostPort":"8080"}],"53/udp":[{"HostIp":"","HostPort":"9000-9005"}],"81/tcp":[{"HostIp":"","HostPort":""}]}""");
        var r = PortBindings.Parse(doc.RootElement, ["80/tcp", "443/tcp"], publishAll: true);
        Assert.Contains(new PortRequest("127.0.0.1", 8080, 8080, 80, "tcp"), r);
        Assert.Contains(new PortRequest("", 9000, 9005, 53, "udp"), r);
        Assert.Contains(new PortRequest("", 0, 0, 81, "tcp"), r);
        Assert.Contains(new PortRequest("", 0, 0, 443, "tcp"), r);
        Assert.Equal(4, r.Count);
        Assert.Throws<EngineException>(() => PortBindings.ParsePortKey("80/sctp"));
    }

    [Fact]
    public void Port_allocator_refuses_a_port_another_container_publishes_and_picks_ephemeral_ones()
    {
        var taken = new[] { new PortMapping("0.0.0.0", 18555, 80, "tcp") };
        var e = Assert.Throws<EngineException>(() => PortAllocator.Resolve([new PortRequest("127.0.0.1", 18555, 18555, 80, "tcp")], taken));
        Assert.Contains("port is already allocated", e.Message);
        var ephemeral = Assert.Single(PortAllocator.Resolve([new PortRequest("127.0.0.1", 0, 0, 80, "tcp")], taken));
        Assert.InRange(ephemeral.HostPort, 1024, 65535);
    }

    [Fact]
    public void Port_allocator_refuses_a_port_a_host_process_holds()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        var e = Assert.Throws<EngineException>(() => PortAllocator.Resolve([new PortRequest("127.0.0.1", port, port, 80, "tcp")], []));
        Assert.Contains($"127.0.0.1:{port} failed: port is already allocated", e.Message);
    }

    [Fact]
    public void Resolv_conf_points_at_the_embedded_server_or_drops_loopback_resolvers()
    {
        var sandbox = new SandboxRecord { ContainerId = new string('a', 64), ContainerName = "x", Hostname = "x", Mode = "none" };
        const string host = "nameserver 127.0.0.53\nnameserver 192.0.2.1\nsearch example.org\n";
        Assert.Equal("nameserver 127.0.0.11\nsearch example.org\noptions ndots:0\n", EtcFiles.ResolvConf(sandbox, embeddedDns: true, host));
        Assert.Equal("nameserver 192.0.2.1\nsearch example.org\n", EtcFiles.ResolvConf(sandbox, embeddedDns: false, host));
        Assert.Equal("nameserver 192.0.2.9\nsearch example.org\n", EtcFiles.ResolvConf(sandbox with { Dns = ["192.0.2.9"] }, embeddedDns: false, host));
        Assert.Equal(["127.0.0.53", "192.0.2.1"], EtcFiles.Upstreams(sandbox, host));
    }

    [Fact]
    public void Dns_message_reads_a_question_and_builds_an_a_answer()
    {
        // id 0x1234, RD, one question: srv.  A IN
        byte[] query = [0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 3, (byte)'s', (byte)'r', (byte)'v', 0, 0, 1, 0, 1];
        var q = DnsMessage.ReadQuestion(query)!.Value;
        Assert.Equal(("srv", (ushort)1, query.Length), (q.Name, q.Type, q.End));
        var answer = DnsMessage.Answer(query, q.End, 0, [System.Net.IPAddress.Parse("10.1.2.3")]);
        Assert.Equal(0x12, answer[0]);
        Assert.Equal(0x85, answer[2]); // QR | AA | RD in the high byte of the flags
        Assert.Equal(1, answer[7]); // one answer
        Assert.Equal(new byte[] { 10, 1, 2, 3 }, answer[^4..]);
        Assert.Null(DnsMessage.ReadQuestion(query[..10]));
    }

    [Fact]
    public void Cni_error_json_becomes_the_plugins_message()
    {
        var e = CniInvoker.ParseError("bridge", "ADD", """{"cniVersion":"1.0.0","code":7,"msg":"failed to allocate","details":"range full"}""", "");
        Assert.Equal((7, "failed to allocate"), (e.Code, e.PluginMessage));
        Assert.Contains("range full", e.Message);
        Assert.Contains("plain text", CniInvoker.ParseError("bridge", "DEL", "", "plain text\n").Message);
    }
}
