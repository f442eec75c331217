using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;

namespace WebUI.DockerApi.Hosting;

/// <summary>
/// Connection middleware of the Docker API listener. `docker exec -it` sends POST /exec/{id}/start with a JSON body
/// *and* Upgrade: tcp; Kestrel never treats a request with a body as upgradable. This sits between the socket and
/// Kestrel, follows request boundaries on keep-alive connections, and for such a request moves the body into a
/// <see cref="HijackRequestBodyFeature"/> and drops Content-Length, so Kestrel sees an ordinary upgrade request and
/// stdin that follows the body reaches the upgraded stream. Everything else passes through unchanged.
/// </summary>
internal sealed class UpgradeBodyConnectionMiddleware(ConnectionDelegate next)
{
    public async Task OnConnectionAsync(ConnectionContext connection)
    {
        var original = connection.Transport;
        var pipe = new Pipe(new PipeOptions(useSynchronizationContext: false));
        var framer = new HttpRequestFramer(original.Input, pipe.Writer, connection.Features);
        connection.Transport = new DuplexPipe(pipe.Reader, original.Output);
        var pump = framer.RunAsync();
        try
        {
            await next(connection);
        }
        finally
        {
            await pipe.Reader.CompleteAsync();
            original.Input.CancelPendingRead();
            await pump;
            connection.Transport = original;
        }
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;
        public PipeWriter Output { get; } = output;
    }
}
