using System.Net.Sockets;
using Microsoft.AspNetCore.Connections.Features;
using WebUI.DockerApi.Hosting;
using WebUI.Engine.Recording;

namespace WebUI.Recording;

/// <summary>
/// Names the caller of a Docker API socket request for exec recordings: "docker-api (uid N)", N from the socket peer's
/// credentials (SO_PEERCRED), so a recording says who ran the session even though the socket needs no login.
/// </summary>
internal sealed class DockerApiExecCaller(RequestDelegate next)
{
    private const int SOL_SOCKET = 1;
    private const int SO_PEERCRED = 17;

    public async Task InvokeAsync(HttpContext context)
    {
        using (ExecCaller.Enter(Describe(context.Features.Get<IConnectionSocketFeature>()?.Socket)))
            await next(context);
    }

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
