using System.Net.Sockets;

namespace WebUI.DockerApi.Hosting;

/// <summary>
/// Names the peer of a unix-socket connection from its credentials (SO_PEERCRED): "docker-api (uid N)", so exec
/// recordings and the audit log say who used the socket even though it needs no login.
/// </summary>
public static class PeerCredentials
{
    private const int SOL_SOCKET = 1;
    private const int SO_PEERCRED = 17;

    /// <summary>"docker-api (uid N)", or "docker-api (uid unknown)" when the peer cannot be asked.</summary>
    public static string Describe(Socket? socket)
    {
        if (socket is { AddressFamily: AddressFamily.Unix })
        {
            // struct ucred { pid_t pid; uid_t uid; gid_t gid; }
            Span<byte> ucred = stackalloc byte[12];
            try
            {
                if (socket.GetRawSocketOption(SOL_SOCKET, SO_PEERCRED, ucred) == 12)
                    return $"docker-api (uid {System.Runtime.InteropServices.MemoryMarshal.Read<uint>(ucred[4..])})";
            }
            catch (SocketException) { }
            catch (ObjectDisposedException) { }
        }
        return "docker-api (uid unknown)";
    }
}
