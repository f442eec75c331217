using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using WebUI.DockerApi.Hosting;
using WebUI.Engine.Containers;

namespace WebUI.DockerApi.Containers;

/// <summary>
/// POST /containers/{id}/attach: hijacks the connection (101, Upgrade: tcp) and bridges it to the container's stdio.
/// Output flows until the container's output ends; the client's half-close closes the container's stdin only.
/// </summary>
internal static class ContainerAttachBridge
{
    public static async Task AttachAsync(string id, HttpContext context, [FromServices] IContainerService containers)
    {
        var q = context.Request;
        var wantStdin = DockerQuery.Bool(q, "stdin");
        var wantStdout = DockerQuery.Bool(q, "stdout");
        var wantStderr = DockerQuery.Bool(q, "stderr");
        var container = containers.Get(id);
        var tty = container.Config.Tty;

        await using var attachment = await containers.AttachAsync(container.Id, context.RequestAborted);
        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        Stream client;
        if (upgrade is { IsUpgradableRequest: true })
        {
            context.Response.Headers.Connection = "Upgrade";
            context.Response.Headers.Upgrade = "tcp";
            context.Response.ContentType = StreamFrames.ContentType(tty);
            HalfCloseConnectionMiddleware.MarkHijacked(context);
            client = await upgrade.UpgradeAsync();
        }
        else
        {
            // A client that did not ask to hijack gets the output as the response body; it cannot send stdin.
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = StreamFrames.ContentType(tty);
            await context.Response.StartAsync(context.RequestAborted);
            client = context.Response.Body;
            wantStdin = false;
        }

        // Not linked to RequestAborted: Kestrel fires it when the client half-closes (the CLI does that at once when it
        // has no stdin to send), and output must keep flowing then. A client that is really gone fails our writes.
        using var stop = new CancellationTokenSource();
        var input = wantStdin ? PumpStdinAsync(client, attachment, stop.Token) : Task.CompletedTask;
        try
        {
            while (true)
            {
                var chunk = await attachment.ReadAsync(stop.Token);
                if (chunk is null) break;
                var (stream, data) = chunk.Value;
                if (stream == LogStream.Stdout && !wantStdout) continue;
                if (stream == LogStream.Stderr && !wantStderr) continue;
                await StreamFrames.WriteAsync(client, tty, stream, data, stop.Token);
                await client.FlushAsync(stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException) { }
        finally
        {
            await stop.CancelAsync();
            try { await input; } catch (Exception e) when (e is OperationCanceledException or IOException) { }
            if (!ReferenceEquals(client, context.Response.Body)) await client.DisposeAsync();
        }
    }

    private static async Task PumpStdinAsync(Stream client, IContainerAttachment attachment, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        while (true)
        {
            var n = await client.ReadAsync(buffer, cancellationToken);
            if (n == 0)
            {
                await attachment.CloseStdinAsync(cancellationToken);
                return;
            }
            await attachment.WriteStdinAsync(buffer.AsMemory(0, n), cancellationToken);
        }
    }
}
