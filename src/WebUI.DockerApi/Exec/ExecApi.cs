using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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
        DetachKeys.Parse(config.DetachKeys);
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
        var detachKeys = DetachKeys.Parse(session.Config.DetachKeys);
        await using var client = await HijackedConnection.OpenAsync(context, session.Config.Tty);

        ExecRun run;
        try
        {
            run = await execs.StartExecAsync(id, detach: false, context.RequestAborted);
        }
        catch (EngineException e)
        {
            await client.WriteMessageAsync(e.Message, CancellationToken.None);
            return;
        }

        var detached = false;
        if (run.Attachment is { } attachment)
        {
            await using (attachment)
                detached = await client.BridgeAsync(attachment, session.Config.AttachStdin, session.Config.AttachStdout, session.Config.AttachStderr, detachKeys);
        }
        // Detached: the process runs on and the session just ends. Otherwise the CLI reads the exit code
        // (GET /exec/{id}/json) as soon as the stream ends: it is recorded first.
        if (detached) return;
        try
        {
            var result = await run.Completion;
            if (result.Error is not null) await client.WriteMessageAsync(result.Error, CancellationToken.None);
        }
        catch (IOException) { }
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
}
