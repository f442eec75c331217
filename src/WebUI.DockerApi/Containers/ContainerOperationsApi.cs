using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using WebUI.DockerApi.Hosting;
using WebUI.Engine.Containers;
using WebUI.Engine.Errors;

namespace WebUI.DockerApi.Containers;

/// <summary>Docker Engine API: pause, unpause, rename, top, stats and prune of containers.</summary>
public static class ContainerOperationsApi
{
    public static IEndpointRouteBuilder MapContainerOperationsApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/containers");
        g.MapPost("/{id}/pause", PauseAsync);
        g.MapPost("/{id}/unpause", UnpauseAsync);
        g.MapPost("/{id}/rename", RenameAsync);
        g.MapGet("/{id}/top", TopAsync);
        g.MapGet("/{id}/stats", StatsAsync);
        g.MapPost("/prune", PruneAsync);
        return app;
    }

    private static async Task<IResult> PauseAsync(string id, HttpContext context, [FromServices] IContainerService containers)
    {
        await containers.PauseAsync(id, context.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> UnpauseAsync(string id, HttpContext context, [FromServices] IContainerService containers)
    {
        await containers.UnpauseAsync(id, context.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> RenameAsync(string id, HttpContext context, [FromServices] IContainerService containers)
    {
        await containers.RenameAsync(id, DockerQuery.String(context.Request, "name") ?? "", context.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> TopAsync(string id, HttpContext context, [FromServices] IContainerService containers)
    {
        var top = await containers.TopAsync(id, DockerQuery.String(context.Request, "ps_args"), context.RequestAborted);
        return Results.Json(new ContainerTopResponse(top.Titles, top.Processes), DockerJson.Options);
    }

    private static async Task StatsAsync(string id, HttpContext context, [FromServices] IContainerService containers)
    {
        var stream = DockerQuery.Bool(context.Request, "stream", defaultValue: true);
        var oneShot = DockerQuery.Bool(context.Request, "one-shot");
        if (oneShot && stream) throw EngineException.Invalid("cannot have stream=true and one-shot=true");
        containers.Get(id);
        await DockerStream.StartAsync(context.Response, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        try
        {
            await foreach (var sample in containers.StatsAsync(id, stream, oneShot, context.RequestAborted))
                await DockerStream.WriteAsync(context.Response, sample, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // docker stats interrupted: nothing to answer.
        }
    }

    private static async Task<IResult> PruneAsync(HttpContext context, [FromServices] IContainerService containers)
    {
        var result = await containers.PruneAsync(DockerQuery.Filters(context.Request), context.RequestAborted);
        return Results.Json(new ContainerPruneResponse(result.Deleted.Count == 0 ? null : result.Deleted, result.SpaceReclaimed), DockerJson.Options);
    }
}
