using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using WebUI.DockerApi.Hosting;
using WebUI.Engine.Volumes;

namespace WebUI.DockerApi.Volumes;

/// <summary>Docker Engine API: /volumes.</summary>
public static class VolumesApi
{
    public static IEndpointRouteBuilder MapVolumesApi(this IEndpointRouteBuilder app)
    {
        var volumes = app.MapGroup("/volumes");
        volumes.MapGet("", List);
        volumes.MapPost("/create", CreateAsync);
        volumes.MapPost("/prune", PruneAsync);
        volumes.MapGet("/{name}", Inspect);
        volumes.MapDelete("/{name}", RemoveAsync);
        return app;
    }

    private static IResult List(HttpContext context, [FromServices] IVolumeService volumes)
    {
        var list = volumes.List(DockerQuery.Filters(context.Request)).Select(VolumeResponse.From).ToList();
        return Results.Json(new VolumeListResponse(list, []), DockerJson.Options);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, [FromServices] IVolumeService volumes)
    {
        var body = await DockerRequestBody.ReadJsonAsync(context, () => new VolumeCreateRequest(), context.RequestAborted);
        var created = await volumes.CreateAsync(new VolumeCreateOptions
        {
            Name = body.Name,
            Driver = body.Driver,
            DriverOpts = body.DriverOpts ?? new Dictionary<string, string>(),
            Labels = body.Labels ?? new Dictionary<string, string>(),
        }, context.RequestAborted);
        return Results.Json(VolumeResponse.From(created), DockerJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static IResult Inspect(string name, [FromServices] IVolumeService volumes) =>
        Results.Json(VolumeResponse.From(volumes.Get(name)), DockerJson.Options);

    private static async Task<IResult> RemoveAsync(string name, HttpContext context, [FromServices] IVolumeService volumes)
    {
        await volumes.RemoveAsync(name, DockerQuery.Bool(context.Request, "force"), context.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> PruneAsync(HttpContext context, [FromServices] IVolumeService volumes)
    {
        var (deleted, reclaimed) = await volumes.PruneAsync(DockerQuery.Filters(context.Request), context.RequestAborted);
        return Results.Json(new VolumePruneResponse(deleted, reclaimed), DockerJson.Options);
    }
}
