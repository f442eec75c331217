using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using WebUI.DockerApi.Distribution;
using WebUI.DockerApi.Hosting;
using WebUI.Engine.Errors;
using WebUI.Engine.Images;
using WebUI.Engine.References;

namespace WebUI.DockerApi.Images;

/// <summary>Docker Engine API: /images. Names contain slashes, so per-image routes share one catch-all dispatched on the suffix.</summary>
public static class ImagesApi
{
    public static IEndpointRouteBuilder MapImagesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/images/create", CreateAsync);
        app.MapPost("/images/load", LoadAsync);
        app.MapGet("/images/json", ListAsync);
        app.MapPost("/images/prune", PruneAsync);
        app.MapGet("/images/{**rest}", GetImageRouteAsync);
        app.MapPost("/images/{**rest}", PostImageRouteAsync);
        app.MapDelete("/images/{**rest}", RemoveAsync);
        return app;
    }

    /// <summary>POST /images/create: import (fromSrc) or pull (fromImage).</summary>
    private static async Task CreateAsync(HttpContext context, [FromServices] IImageService images)
    {
        var request = context.Request;
        var ct = context.RequestAborted;
        if (DockerQuery.String(request, "fromImage") is { } fromImage)
        {
            var reference = ImageReference.Parse(fromImage);
            if (DockerQuery.String(request, "tag") is { } pullTag && reference.Tag is null && reference.Digest is null)
                reference = WebUI.Engine.Content.Digest.TryParse(pullTag, out var d) ? reference.WithDigest(d) : reference.WithTag(pullTag);
            await DistributionApi.PullAsync(context, reference.ToString(), DockerQuery.String(request, "platform"));
            return;
        }
        var fromSrc = DockerQuery.String(request, "fromSrc")
            ?? throw EngineException.Invalid("fromImage or fromSrc is required");
        if (fromSrc != "-")
            throw EngineException.Invalid($"importing from a URL ({fromSrc}) is not supported: send the tarball in the request body (fromSrc=-)");

        var repo = DockerQuery.String(request, "repo");
        var tag = DockerQuery.String(request, "tag");
        var options = new ImageImportOptions
        {
            Reference = repo is null ? null : tag is null ? repo : repo + ":" + tag,
            Message = DockerQuery.String(request, "message"),
            Changes = request.Query["changes"].Where(c => !string.IsNullOrEmpty(c)).Select(c => c!).ToList(),
            Platform = DockerQuery.String(request, "platform"),
        };
        var image = await images.ImportAsync(request.Body, options, ct);
        await DockerStream.StartAsync(context.Response, ct);
        await DockerStream.WriteAsync(context.Response, new ProgressMessage(Status: image.Id), ct);
    }

    /// <summary>POST /images/load: a docker-archive or OCI layout tarball in the body; one "Loaded image" line per image.</summary>
    private static async Task LoadAsync(HttpContext context, [FromServices] IImageService images)
    {
        var ct = context.RequestAborted;
        _ = DockerQuery.Bool(context.Request, "quiet");
        await using var lines = images.LoadAsync(context.Request.Body, ct).GetAsyncEnumerator(ct);
        // The archive is verified before the first line, so a bad one is an ordinary 400 rather than a stream error.
        var more = await lines.MoveNextAsync();
        await DockerStream.StartAsync(context.Response, ct);
        while (more)
        {
            await DockerStream.WriteAsync(context.Response, new ProgressMessage(Stream: lines.Current + "\n"), ct);
            more = await lines.MoveNextAsync();
        }
    }

    /// <summary>GET /images/json.</summary>
    private static async Task<IResult> ListAsync(HttpContext context, [FromServices] IImageService images, [FromServices] IEnumerable<IImageUsage> usages)
    {
        var options = new ImageListOptions { All = DockerQuery.Bool(context.Request, "all"), Filters = DockerQuery.Filters(context.Request) };
        var list = await images.ListAsync(options, context.RequestAborted);
        var usageList = usages.ToList();
        var result = list.Select(i => new ImageSummary(
            i.Id,
            i.Parent ?? "",
            i.RepoTags.Select(Familiar).ToList(),
            i.RepoDigests.Select(Familiar).ToList(),
            i.Spec.Created?.ToUnixTimeSeconds() ?? 0,
            i.Size,
            -1,
            i.Size,
            i.Spec.Config.Labels ?? new Dictionary<string, string>(),
            usageList.Count == 0 ? -1 : usageList.Sum(u => u.ContainersUsing(i.Id).Count))).ToList();
        return Results.Json(result, DockerJson.Options);
    }

    private static Task<IResult> GetImageRouteAsync(HttpContext context, string rest, [FromServices] IImageService images)
    {
        if (rest.EndsWith("/json", StringComparison.Ordinal)) return InspectAsync(context, rest[..^"/json".Length], images);
        if (rest.EndsWith("/history", StringComparison.Ordinal)) return HistoryAsync(context, rest[..^"/history".Length], images);
        if (rest == "get") return SaveAsync(context, context.Request.Query["names"].Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).ToList(), images);
        if (rest.EndsWith("/get", StringComparison.Ordinal)) return SaveAsync(context, [rest[..^"/get".Length]], images);
        throw EngineException.NotFound("page not found");
    }

    /// <summary>GET /images/get?names= and GET /images/{name}/get: docker save's tarball.</summary>
    private static async Task<IResult> SaveAsync(HttpContext context, IReadOnlyList<string> names, IImageService images)
    {
        // Streamed: the engine resolves every name before the first byte, so a bad name is still an ordinary JSON error.
        context.Response.ContentType = "application/x-tar";
        await images.SaveAsync(names, context.Response.Body, context.RequestAborted);
        return Results.Empty;
    }

    private static Task<IResult> PostImageRouteAsync(HttpContext context, string rest, [FromServices] IImageService images)
    {
        if (rest.EndsWith("/tag", StringComparison.Ordinal)) return TagAsync(context, rest[..^"/tag".Length], images);
        if (rest.EndsWith("/push", StringComparison.Ordinal))
            return PushAsync(context, rest[..^"/push".Length]);
        throw EngineException.NotFound("page not found");
    }

    private static async Task<IResult> PushAsync(HttpContext context, string name)
    {
        await DistributionApi.PushAsync(context, name);
        return Results.Empty;
    }

    /// <summary>GET /images/{name}/json.</summary>
    private static async Task<IResult> InspectAsync(HttpContext context, string name, IImageService images)
    {
        var i = await images.GetAsync(name, context.RequestAborted);
        var inspect = new ImageInspect
        {
            Id = i.Id,
            Parent = i.Parent ?? "",
            RepoTags = i.RepoTags.Select(Familiar).ToList(),
            RepoDigests = i.RepoDigests.Select(Familiar).ToList(),
            Comment = i.Spec.Comment ?? "",
            Created = Rfc3339Nano(i.Spec.Created ?? DateTimeOffset.UnixEpoch),
            DockerVersion = i.Spec.DockerVersion ?? "",
            Author = i.Spec.Author ?? "",
            Config = ImageContainerConfig.From(i.Spec.Config),
            Architecture = i.Spec.Architecture,
            Variant = i.Spec.Variant,
            Os = i.Spec.Os,
            Size = i.Size,
            VirtualSize = i.Size,
            GraphDriver = new GraphDriverData("overlay2", images.StorageOf(i)),
            RootFS = new ImageRootFs(i.Spec.RootFs.Type, i.Spec.RootFs.DiffIds),
            Metadata = new ImageMetadata(i.LastTagTime is { } tagged ? Rfc3339Nano(tagged) : "0001-01-01T00:00:00Z"),
        };
        return Results.Json(inspect, DockerJson.Options);
    }

    /// <summary>GET /images/{name}/history.</summary>
    private static async Task<IResult> HistoryAsync(HttpContext context, string name, IImageService images)
    {
        var history = await images.HistoryAsync(name, context.RequestAborted);
        var result = history.Select(h => new ImageHistoryResponseItem(h.Id, h.Created, h.CreatedBy, h.Tags.Count == 0 ? null : h.Tags, h.Size, h.Comment)).ToList();
        return Results.Json(result, DockerJson.Options);
    }

    /// <summary>POST /images/{name}/tag?repo=&amp;tag=.</summary>
    private static async Task<IResult> TagAsync(HttpContext context, string name, IImageService images)
    {
        var repo = DockerQuery.String(context.Request, "repo") ?? throw EngineException.Invalid("repository name (repo) is required");
        var tag = DockerQuery.String(context.Request, "tag");
        await images.TagAsync(name, tag is null ? repo : repo + ":" + tag, context.RequestAborted);
        return Results.StatusCode(StatusCodes.Status201Created);
    }

    /// <summary>DELETE /images/{name}?force=&amp;noprune=.</summary>
    private static async Task<IResult> RemoveAsync(HttpContext context, string rest, [FromServices] IImageService images)
    {
        var force = DockerQuery.Bool(context.Request, "force");
        var noPrune = DockerQuery.Bool(context.Request, "noprune");
        var records = await images.RemoveAsync(rest, force, noPrune, context.RequestAborted);
        return Results.Json(records.Select(r => new ImageDeleteResponseItem(r.Untagged, r.Deleted)).ToList(), DockerJson.Options);
    }

    /// <summary>POST /images/prune?filters=.</summary>
    private static async Task<IResult> PruneAsync(HttpContext context, [FromServices] IImageService images)
    {
        var result = await images.PruneAsync(DockerQuery.Filters(context.Request), context.RequestAborted);
        var deleted = result.Deleted.Select(r => new ImageDeleteResponseItem(r.Untagged, r.Deleted)).ToList();
        return Results.Json(new ImagePruneResponse(deleted.Count == 0 ? null : deleted, result.SpaceReclaimed), DockerJson.Options);
    }

    private static string Familiar(string name) => ImageReference.Parse(name).FamiliarString;

    /// <summary>Go's RFC3339Nano: UTC, fraction without trailing zeros.</summary>
    private static string Rfc3339Nano(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
