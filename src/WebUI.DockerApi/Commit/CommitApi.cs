using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using WebUI.DockerApi.Hosting;
using WebUI.Engine.Commit;
using WebUI.Engine.Containers;
using WebUI.Engine.Errors;

namespace WebUI.DockerApi.Commit;

/// <summary>Docker Engine API: POST /commit (docker commit).</summary>
public static class CommitApi
{
    public static IEndpointRouteBuilder MapCommitApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/commit", CommitAsync);
        return app;
    }

    private static async Task<IResult> CommitAsync(HttpContext context, [FromServices] IContainerCommitter committer)
    {
        var request = context.Request;
        var container = DockerQuery.String(request, "container") ?? throw EngineException.Invalid("container is required");
        var config = await DockerRequestBody.ReadJsonAsync<ContainerConfig?>(context, () => null, context.RequestAborted);
        var options = new CommitOptions
        {
            Repository = DockerQuery.String(request, "repo"),
            Tag = DockerQuery.String(request, "tag"),
            Comment = DockerQuery.String(request, "comment"),
            Author = DockerQuery.String(request, "author"),
            Pause = DockerQuery.Bool(request, "pause", defaultValue: true),
            Changes = request.Query["changes"].Where(c => !string.IsNullOrEmpty(c)).SelectMany(c => c!.Split('\n')).ToList(),
            Config = config,
        };
        var image = await committer.CommitAsync(container, options, context.RequestAborted);
        return Results.Json(new CommitResponse(image.Id), DockerJson.Options, statusCode: StatusCodes.Status201Created);
    }
}
