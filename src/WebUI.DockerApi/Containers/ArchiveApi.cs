using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using WebUI.DockerApi.Hosting;
using WebUI.Engine.Containers;
using WebUI.Engine.Errors;

namespace WebUI.DockerApi.Containers;

/// <summary>Docker Engine API: docker cp (/containers/{id}/archive), docker diff (/changes) and docker export (/export).</summary>
public static class ArchiveApi
{
    public static IEndpointRouteBuilder MapArchiveApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/containers");
        g.MapMethods("/{id}/archive", ["HEAD"], HeadAsync);
        g.MapGet("/{id}/archive", GetAsync);
        g.MapPut("/{id}/archive", PutAsync);
        g.MapGet("/{id}/changes", Changes);
        g.MapGet("/{id}/export", ExportAsync);
        return app;
    }

    private static string RequiredPath(HttpContext context) =>
        DockerQuery.String(context.Request, "path") is { Length: > 0 } p ? p : throw EngineException.Invalid("path is required");

    private static async Task HeadAsync(string id, HttpContext context, [FromServices] IContainerService containers)
    {
        var stat = await containers.StatPathAsync(id, RequiredPath(context), context.RequestAborted);
        context.Response.Headers[PathStatHeader.Name] = PathStatHeader.Encode(stat);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private static async Task GetAsync(string id, HttpContext context, [FromServices] IContainerService containers)
    {
        await containers.GetArchiveAsync(id, RequiredPath(context), async (stat, ct) =>
        {
            context.Response.Headers[PathStatHeader.Name] = PathStatHeader.Encode(stat);
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/x-tar";
            await context.Response.StartAsync(ct);
            return context.Response.Body;
        }, context.RequestAborted);
    }

    private static async Task<IResult> PutAsync(string id, HttpContext context, [FromServices] IContainerService containers)
    {
        var q = context.Request;
        await containers.PutArchiveAsync(id, RequiredPath(context), q.Body,
            DockerQuery.Bool(q, "noOverwriteDirNonDir"), DockerQuery.Bool(q, "copyUIDGID"), context.RequestAborted);
        return Results.Ok();
    }

    private static IResult Changes(string id, [FromServices] IContainerService containers) =>
        Results.Json(containers.Changes(id).Select(c => new ContainerChangeResponse(c.Path, c.Kind)).ToList(), DockerJson.Options);

    private static async Task ExportAsync(string id, HttpContext context, [FromServices] IContainerService containers)
    {
        containers.Get(id);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/x-tar";
        await context.Response.StartAsync(context.RequestAborted);
        await containers.ExportAsync(id, context.Response.Body, context.RequestAborted);
    }
}
