using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using WebUI.DockerApi.Hosting;
using WebUI.Engine.Containers;
using WebUI.Engine.Errors;
using WebUI.Engine.Images;
using WebUI.Engine.Snapshots;

namespace WebUI.DockerApi.Containers;

/// <summary>Docker Engine API: /containers. Handlers translate HTTP to <see cref="IContainerService"/>; the rules live there.</summary>
public static class ContainersApi
{
    public static IEndpointRouteBuilder MapContainersApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/containers");
        g.MapPost("/create", CreateAsync);
        g.MapGet("/json", ListAsync);
        g.MapGet("/{id}/json", InspectAsync);
        g.MapPost("/{id}/start", StartAsync);
        g.MapPost("/{id}/stop", StopAsync);
        g.MapPost("/{id}/kill", KillAsync);
        g.MapPost("/{id}/restart", RestartAsync);
        g.MapDelete("/{id}", RemoveAsync);
        g.MapPost("/{id}/wait", WaitAsync);
        g.MapGet("/{id}/logs", LogsAsync);
        g.MapPost("/{id}/attach", ContainerAttachBridge.AttachAsync);
        g.MapPost("/{id}/resize", ResizeAsync);
        g.MapPost("/{id}/update", UpdateAsync);
        return app;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, [FromServices] IContainerService containers)
    {
        var request = await DockerRequestBody.ReadJsonAsync(context, () => new ContainerCreateRequest(), context.RequestAborted);
        var result = await containers.CreateAsync(request, DockerQuery.String(context.Request, "name"), context.RequestAborted);
        return Results.Json(new ContainerCreateResponse(result.Id, result.Warnings), DockerJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListAsync(HttpContext context, [FromServices] IContainerService containers, [FromServices] IImageService images, [FromServices] TimeProvider time, [FromServices] WebUI.Engine.Networks.INetworkManager networks)
    {
        var sizes = DockerQuery.Bool(context.Request, "size") ? await ContainerSizes.LoadAsync(containers, images, context.RequestAborted) : null;
        var list = containers.List(new ContainerListOptions
        {
            All = DockerQuery.Bool(context.Request, "all"),
            Limit = DockerQuery.Int(context.Request, "limit"),
            Filters = DockerQuery.Filters(context.Request),
        });
        var now = time.GetUtcNow();
        return Results.Json(list.Select(c => ContainerResponses.Summary(c, now, sizes?.Of(c), networks)).ToList(), DockerJson.Options);
    }

    private static async Task<IResult> InspectAsync(string id, HttpContext context, [FromServices] IContainerService containers, [FromServices] IImageService images, [FromServices] ISnapshotter snapshots, [FromServices] WebUI.Engine.Networks.INetworkManager networks)
    {
        var c = containers.Get(id);
        var size = DockerQuery.Bool(context.Request, "size") ? (await ContainerSizes.LoadAsync(containers, images, context.RequestAborted)).Of(c) : (ContainerSize?)null;
        var execIds = containers.ExecIds(c.Id);
        return Results.Json(ContainerResponses.Inspect(c, snapshots, size, networks) with { ExecIDs = execIds.Count == 0 ? null : execIds }, DockerJson.Options);
    }

    private static async Task<IResult> StartAsync(string id, HttpContext context, [FromServices] IContainerService containers)
    {
        await containers.StartAsync(id, context.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> StopAsync(string id, HttpContext context, [FromServices] IContainerService containers)
    {
        await containers.StopAsync(id, DockerQuery.Int(context.Request, "t"), DockerQuery.String(context.Request, "signal"), context.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> KillAsync(string id, HttpContext context, [FromServices] IContainerService containers)
    {
        await containers.KillAsync(id, DockerQuery.String(context.Request, "signal"), context.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> RestartAsync(string id, HttpContext context, [FromServices] IContainerService containers)
    {
        await containers.RestartAsync(id, DockerQuery.Int(context.Request, "t"), DockerQuery.String(context.Request, "signal"), context.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> RemoveAsync(string id, HttpContext context, [FromServices] IContainerService containers)
    {
        if (DockerQuery.Bool(context.Request, "link")) throw EngineException.Invalid("links are not supported");
        await containers.RemoveAsync(id, DockerQuery.Bool(context.Request, "force"), DockerQuery.Bool(context.Request, "v"), context.RequestAborted);
        return Results.NoContent();
    }

    private static async Task WaitAsync(string id, HttpContext context, [FromServices] IContainerService containers)
    {
        var condition = DockerQuery.String(context.Request, "condition") switch
        {
            null or "not-running" => WaitCondition.NotRunning,
            "next-exit" => WaitCondition.NextExit,
            "removed" => WaitCondition.Removed,
            var other => throw EngineException.Invalid($"invalid condition: \"{other}\""),
        };
        // Registered before the headers go out: the CLI starts the container once it has them.
        var wait = containers.WaitAsync(id, condition, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await context.Response.StartAsync(context.RequestAborted);
        // StartAsync only queues the headers in Kestrel; the flush puts them on the wire.
        await context.Response.Body.FlushAsync(context.RequestAborted);
        var result = await wait;
        var body = new ContainerWaitResponse(result.StatusCode, result.Error is null ? null : new ContainerWaitError(result.Error));
        await JsonSerializer.SerializeAsync(context.Response.Body, body, DockerJson.Options, context.RequestAborted);
        await context.Response.Body.WriteAsync("\n"u8.ToArray(), context.RequestAborted);
    }

    private static async Task LogsAsync(string id, HttpContext context, [FromServices] IContainerService containers)
    {
        var q = context.Request;
        var c = containers.Get(id);
        var stdout = DockerQuery.Bool(q, "stdout");
        var stderr = DockerQuery.Bool(q, "stderr");
        if (!stdout && !stderr) throw EngineException.Invalid("Bad parameters: you must choose at least one stream");
        var tailText = DockerQuery.String(q, "tail");
        int? tail = tailText is null or "all" ? null
            : int.TryParse(tailText, out var n) && n >= 0 ? n : throw EngineException.Invalid($"invalid value for tail: {tailText}");
        var options = new LogOptions
        {
            Stdout = stdout, Stderr = stderr, Follow = DockerQuery.Bool(q, "follow"), Tail = tail,
            Since = DockerTime.Parse(DockerQuery.String(q, "since"), "since"),
            Until = DockerTime.Parse(DockerQuery.String(q, "until"), "until"),
        };
        var timestamps = DockerQuery.Bool(q, "timestamps");
        var tty = c.Config.Tty;

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = StreamFrames.ContentType(tty);
        await context.Response.StartAsync(context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        try
        {
            await foreach (var entry in containers.LogsAsync(c.Id, options, context.RequestAborted))
            {
                var data = entry.Data;
                if (timestamps)
                {
                    var stamp = entry.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'00Z '", CultureInfo.InvariantCulture);
                    data = Encoding.ASCII.GetBytes(stamp).Concat(entry.Data.ToArray()).ToArray();
                }
                await StreamFrames.WriteAsync(context.Response.Body, tty, entry.Stream, data, context.RequestAborted);
                if (options.Follow) await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (docker logs -f interrupted): nothing to answer.
        }
    }

    private static async Task<IResult> UpdateAsync(string id, HttpContext context, [FromServices] IContainerService containers)
    {
        var update = await DockerRequestBody.ReadJsonAsync(context, () => new ContainerUpdate(), context.RequestAborted);
        var warnings = await containers.UpdateAsync(id, update, context.RequestAborted);
        return Results.Json(new ContainerUpdateResponse(warnings), DockerJson.Options);
    }

    private static async Task<IResult> ResizeAsync(string id, HttpContext context, [FromServices] IContainerService containers)
    {
        var h = DockerQuery.Int(context.Request, "h") ?? 0;
        var w = DockerQuery.Int(context.Request, "w") ?? 0;
        await containers.ResizeAsync(id, h, w, context.RequestAborted);
        return Results.Ok();
    }
}
