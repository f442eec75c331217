using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using WebUI.Engine.Containers;

namespace WebUI.DockerApi.Containers;

/// <summary>
/// The client side of `docker attach` and `docker exec`: the connection hijacked from HTTP (101, Upgrade: tcp; raw
/// stream with a TTY, multiplexed frames without) bridged to a container's or exec session's stdio. Output flows until
/// it ends; the client's half-close closes the process's stdin only; on a terminal the detach keys end the session and
/// leave the process running.
/// </summary>
internal sealed class HijackedConnection : IAsyncDisposable
{
    private readonly HttpContext _context;
    private readonly bool _tty;

    private HijackedConnection(HttpContext context, Stream client, bool tty, bool upgraded)
    {
        _context = context;
        Client = client;
        _tty = tty;
        Upgraded = upgraded;
    }

    public Stream Client { get; }

    /// <summary>Whether the connection was hijacked; a client that did not ask gets the output as the response body and cannot send stdin.</summary>
    public bool Upgraded { get; }

    public static async Task<HijackedConnection> OpenAsync(HttpContext context, bool tty)
    {
        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        context.Response.ContentType = StreamFrames.ContentType(tty);
        if (upgrade is { IsUpgradableRequest: true })
        {
            context.Response.Headers.Connection = "Upgrade";
            context.Response.Headers.Upgrade = "tcp";
            HalfCloseConnectionMiddleware.MarkHijacked(context);
            return new HijackedConnection(context, await upgrade.UpgradeAsync(), tty, upgraded: true);
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        await context.Response.StartAsync(context.RequestAborted);
        return new HijackedConnection(context, context.Response.Body, tty, upgraded: false);
    }

    /// <summary>
    /// Copies the process's output to the client (the streams asked for) and, with <paramref name="stdin"/>, the client's
    /// input to the process, until the output ends or the client detaches. True when the client detached.
    /// </summary>
    public async Task<bool> BridgeAsync(IContainerAttachment attachment, bool stdin, bool stdout, bool stderr, byte[] detachKeys)
    {
        // Not linked to RequestAborted: Kestrel fires it when the client half-closes (the CLI does that at once when it
        // has no stdin to send), and output must keep flowing then. A client that is really gone fails our writes.
        using var stop = new CancellationTokenSource();
        var detached = false;
        var input = stdin && Upgraded ? PumpInputAsync(attachment, _tty ? new DetachKeyScanner(detachKeys) : null, () => { detached = true; stop.Cancel(); }, stop.Token) : Task.CompletedTask;
        try
        {
            while (await attachment.ReadAsync(stop.Token) is { } chunk)
            {
                if (chunk.Stream == LogStream.Stdout && !stdout) continue;
                if (chunk.Stream == LogStream.Stderr && !stderr) continue;
                await StreamFrames.WriteAsync(Client, _tty, chunk.Stream, chunk.Data, stop.Token);
                await Client.FlushAsync(stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException) { }
        finally
        {
            await stop.CancelAsync();
            try { await input; } catch (Exception e) when (e is OperationCanceledException or IOException) { }
        }
        return detached;
    }

    /// <summary>Writes a message (an error after the output) as one stdout frame.</summary>
    public async Task WriteMessageAsync(string message, CancellationToken cancellationToken)
    {
        await StreamFrames.WriteAsync(Client, _tty, LogStream.Stdout, System.Text.Encoding.UTF8.GetBytes(message + "\r\n"), cancellationToken);
        await Client.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!ReferenceEquals(Client, _context.Response.Body)) await Client.DisposeAsync();
    }

    private async Task PumpInputAsync(IContainerAttachment attachment, DetachKeyScanner? scanner, Action detach, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        while (true)
        {
            var n = await Client.ReadAsync(buffer, cancellationToken);
            if (n == 0)
            {
                await attachment.CloseStdinAsync(cancellationToken);
                return;
            }
            if (scanner is null)
            {
                await attachment.WriteStdinAsync(buffer.AsMemory(0, n), cancellationToken);
                continue;
            }
            var (forward, detaching) = scanner.Scan(buffer.AsSpan(0, n));
            if (forward.Length > 0) await attachment.WriteStdinAsync(forward, cancellationToken);
            if (detaching)
            {
                // The process keeps its stdin and runs on; only this session ends.
                detach();
                return;
            }
        }
    }
}
