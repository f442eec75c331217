using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using WebUI.DockerApi.Containers;
using WebUI.DockerApi.Hosting;
using WebUI.Engine.Containers;
using WebUI.Engine.Containers.Exec;
using WebUI.Engine.Errors;

namespace WebUI.DockerApi.Exec;

/// <summary>Docker Engine API: exec sessions (POST /containers/{id}/exec, /exec/{id}/start|resize, GET /exec/{id}/json).</summary>
public static class ExecApi
{
    public static IEndpointRouteBuilder MapExecApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/containers/{id}/exec", CreateAsync);
        app.MapPost("/exec/{id}/start", StartAsync);
        app.MapPost("/exec/{id}/resize", ResizeAsync);
        app.MapGet("/exec/{id}/json", Inspect);
        return app;
    }

    private static async Task<IResult> CreateAsync(string id, HttpContext context, [FromServices] IExecService execs)
    {
        var config = await DockerRequestBody.ReadJsonAsync(context, () => new ExecConfig(), context.RequestAborted);
        var execId = await execs.CreateExecAsync(id, config, context.RequestAborted);
        return Results.Json(new ExecCreateResponse(execId), DockerJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task StartAsync(string id, HttpContext context, [FromServices] IExecService execs, [FromServices] IContainerService containers)
    {
        var body = await DockerRequestBody.ReadJsonAsync(context, () => new ExecStartRequest(), context.RequestAborted);
        var session = execs.GetExec(id);
        if (body.Detach)
        {
            await execs.StartExecAsync(id, detach: true, context.RequestAborted);
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        // Checked before the hijack so that these are still HTTP errors; the process starts after it, as with dockerd: a
        // client (docker-py) that reads the 101 through a buffered reader would lose output that came with it.
        if (session.Running || session.ExitCode is not null) throw EngineException.Conflict($"Error: Exec command {id} has already run");
        var container = containers.Get(session.ContainerId);
        if (!container.State.Running) throw EngineException.Conflict($"Container {container.Id} is not running");
        var tty = session.Config.Tty;
        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        Stream client;
        var wantStdin = session.Config.AttachStdin;
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
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = StreamFrames.ContentType(tty);
            await context.Response.StartAsync(context.RequestAborted);
            client = context.Response.Body;
            wantStdin = false;
        }

        ExecRun run;
        try
        {
            run = await execs.StartExecAsync(id, detach: false, context.RequestAborted);
        }
        catch (EngineException e)
        {
            await StreamFrames.WriteAsync(client, tty, LogStream.Stdout, System.Text.Encoding.UTF8.GetBytes(e.Message + "\r\n"), CancellationToken.None);
            if (!ReferenceEquals(client, context.Response.Body)) await client.DisposeAsync();
            return;
        }

        // Not tied to RequestAborted: a client half-close must not stop the output (see ContainerAttachBridge).
        using var stop = new CancellationTokenSource();
        var attachment = run.Attachment;
        var input = wantStdin && attachment is not null ? PumpStdinAsync(client, attachment, stop.Token) : Task.CompletedTask;
        try
        {
            if (attachment is not null)
            {
                await using (attachment)
                {
                    while (await attachment.ReadAsync(stop.Token) is { } chunk)
                    {
                        if (chunk.Stream == LogStream.Stdout && !session.Config.AttachStdout) continue;
                        if (chunk.Stream == LogStream.Stderr && !session.Config.AttachStderr) continue;
                        await StreamFrames.WriteAsync(client, tty, chunk.Stream, chunk.Data, stop.Token);
                        await client.FlushAsync(stop.Token);
                    }
                }
            }
            // The CLI reads the exit code (GET /exec/{id}/json) as soon as the stream ends: record it first.
            var result = await run.Completion;
            if (result.Error is not null)
            {
                await StreamFrames.WriteAsync(client, tty, LogStream.Stdout, System.Text.Encoding.UTF8.GetBytes(result.Error + "\r\n"), stop.Token);
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

    private static async Task<IResult> ResizeAsync(string id, HttpContext context, [FromServices] IExecService execs)
    {
        await execs.ResizeExecAsync(id, DockerQuery.Int(context.Request, "h") ?? 0, DockerQuery.Int(context.Request, "w") ?? 0, context.RequestAborted);
        return Results.Ok();
    }

    private static IResult Inspect(string id, [FromServices] IExecService execs)
    {
        var e = execs.GetExec(id);
        var cmd = e.Config.Cmd ?? [];
        return Results.Json(new ExecInspectResponse
        {
            ID = e.Id,
            Running = e.Running,
            ExitCode = e.ExitCode,
            ProcessConfig = new ExecProcessConfig(e.Config.Tty, cmd.FirstOrDefault() ?? "", [.. cmd.Skip(1)], e.Config.Privileged, e.Config.User),
            OpenStdin = e.Config.AttachStdin,
            OpenStdout = e.Config.AttachStdout,
            OpenStderr = e.Config.AttachStderr,
            ContainerID = e.ContainerId,
            DetachKeys = e.Config.DetachKeys ?? "",
            Pid = e.Pid,
        }, DockerJson.Options);
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
