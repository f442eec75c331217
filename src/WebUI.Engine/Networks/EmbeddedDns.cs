using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace WebUI.Engine.Networks;

/// <summary>
/// Docker's embedded DNS server: per container on a user-defined network, a UDP and a TCP listener on 127.0.0.11:53
/// opened inside the container's namespace (sockets stay in the namespace they were made in), answering A queries for
/// containers on the same networks and forwarding every other query, from the host's namespace, to the host's resolvers.
/// </summary>
internal sealed partial class EmbeddedDns(ILogger<EmbeddedDns> logger) : IDisposable
{
    private static readonly IPEndPoint Listen = new(IPAddress.Parse(EtcFiles.EmbeddedDnsAddress), 53);
    private readonly Lock _sync = new();
    private readonly Dictionary<string, DnsServer> _servers = new(StringComparer.Ordinal);

    /// <summary>Starts the container's server, or updates what an existing one resolves and forwards to.</summary>
    public void Start(string containerId, string netnsPath, Func<string, IReadOnlyList<string>> resolve, IReadOnlyList<string> upstreams)
    {
        lock (_sync)
        {
            if (_servers.TryGetValue(containerId, out var running))
            {
                running.Update(resolve, upstreams);
                return;
            }
        }
        var (udp, tcp) = NetworkNamespaces.RunIn(netnsPath, () =>
        {
            var u = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            var t = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                u.Bind(Listen);
                t.Bind(Listen);
                t.Listen(64);
                return (u, t);
            }
            catch
            {
                u.Dispose();
                t.Dispose();
                throw;
            }
        });
        var server = new DnsServer(containerId, udp, tcp, resolve, upstreams, logger);
        lock (_sync)
        {
            if (_servers.Remove(containerId, out var old)) old.Dispose();
            _servers[containerId] = server;
        }
        server.Run();
        LogStarted(logger, containerId, netnsPath);
    }

    public void Stop(string containerId)
    {
        DnsServer? server;
        lock (_sync) _servers.Remove(containerId, out server);
        server?.Dispose();
    }

    public bool IsRunning(string containerId)
    {
        lock (_sync) return _servers.ContainsKey(containerId);
    }

    public void Dispose()
    {
        List<DnsServer> all;
        lock (_sync) { all = [.. _servers.Values]; _servers.Clear(); }
        foreach (var s in all) s.Dispose();
    }
}
