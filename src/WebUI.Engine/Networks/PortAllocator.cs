using System.Net;
using System.Net.Sockets;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Networks;

/// <summary>
/// Turns port requests into concrete host ports at start: ephemeral ones from the kernel's range, ranges to their first
/// free port; a port published by another container or bound by a host process is Docker's "port is already allocated".
/// </summary>
internal static class PortAllocator
{
    public static List<PortMapping> Resolve(IReadOnlyList<PortRequest> requests, IReadOnlyCollection<PortMapping> inUse)
    {
        var taken = new List<PortMapping>(inUse);
        var result = new List<PortMapping>();
        foreach (var r in requests)
        {
            var ip = r.HostIP.Length == 0 ? "0.0.0.0" : r.HostIP;
            PortMapping? chosen = null;
            if (r.HostPortStart == 0)
            {
                for (var attempt = 0; attempt < 20 && chosen is null; attempt++)
                {
                    var port = Probe(ip, 0, r.Protocol) ?? throw new EngineException(ErrorKind.Internal, $"no free host port for {r.ContainerPort}/{r.Protocol} on {ip}");
                    if (!Clashes(taken, ip, port, r.Protocol)) chosen = new PortMapping(ip, port, r.ContainerPort, r.Protocol);
                }
            }
            else
            {
                for (var port = r.HostPortStart; port <= r.HostPortEnd && chosen is null; port++)
                    if (!Clashes(taken, ip, port, r.Protocol) && Probe(ip, port, r.Protocol) is not null)
                        chosen = new PortMapping(ip, port, r.ContainerPort, r.Protocol);
            }
            if (chosen is null)
            {
                var ports = r.HostPortStart == r.HostPortEnd ? r.HostPortStart.ToString() : $"{r.HostPortStart}-{r.HostPortEnd}";
                throw EngineException.Conflict($"driver failed programming external connectivity: Bind for {ip}:{ports} failed: port is already allocated");
            }
            taken.Add(chosen);
            result.Add(chosen);
        }
        return result;
    }

    private static bool Clashes(IEnumerable<PortMapping> taken, string ip, int port, string protocol) =>
        taken.Any(t => t.HostPort == port && t.Protocol == protocol && (t.HostIP == ip || t.HostIP == "0.0.0.0" || ip == "0.0.0.0"));

    /// <summary>Binds the port for a moment: its number when free (the kernel's choice for 0), null when something holds it.</summary>
    private static int? Probe(string ip, int port, string protocol)
    {
        var address = IPAddress.Parse(ip);
        using var s = protocol == "udp"
            ? new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)
            : new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            s.Bind(new IPEndPoint(address, port));
            return ((IPEndPoint)s.LocalEndPoint!).Port;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            return null;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressNotAvailable)
        {
            throw EngineException.Invalid($"cannot publish on {ip}: the address is not on this host");
        }
    }
}
