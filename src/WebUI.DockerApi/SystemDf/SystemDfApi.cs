using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using WebUI.DockerApi.Containers;
using WebUI.DockerApi.Hosting;
using WebUI.DockerApi.Images;
using WebUI.Engine.Containers;
using WebUI.Engine.Images;
using WebUI.Engine.Volumes;

namespace WebUI.DockerApi.SystemDf;

/// <summary>GET /system/df: images, containers and volumes with their sizes (docker system df [-v]). No build cache is kept.</summary>
public static class SystemDfApi
{
    public static IEndpointRouteBuilder MapSystemDfApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/system/df", DiskUsageAsync);
        return app;
    }

    private static async Task<IResult> DiskUsageAsync(HttpContext context, [FromServices] IContainerService containers, [FromServices] IImageService images,
        [FromServices] IVolumeService volumes, [FromServices] IEnumerable<IVolumeUsage> volumeUsages, [FromServices] WebUI.Engine.Networks.INetworkManager networks,
        [FromServices] TimeProvider time)
    {
        var imageList = await images.ListAsync(new ImageListOptions { All = true }, context.RequestAborted);
        var containerList = containers.List(new ContainerListOptions { All = true });
        var now = time.GetUtcNow();
        var sizes = new ContainerSizes(containers, imageList.ToDictionary(i => i.Id, i => i.Size));
        var imageSummaries = imageList.Select(i => new ImageSummary(
            i.Id, "", [.. i.RepoTags.Select(Familiar)], [.. i.RepoDigests.Select(Familiar)], i.Spec.Created?.ToUnixTimeSeconds() ?? 0,
            i.Size, 0, i.Size, i.Spec.Config.Labels ?? new Dictionary<string, string>(),
            containerList.Count(c => c.Image == i.Id))).ToList();
        var containerSummaries = containerList.Select(c => ContainerResponses.Summary(c, now, sizes.Of(c), networks)).ToList();
        var usages = volumeUsages.ToList();
        var volumeList = volumes.List(new Dictionary<string, IReadOnlyList<string>>()).Select(v => new DfVolume(
            v.Name, v.Driver, v.Mountpoint, v.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssK"), v.Labels, "local", v.Options.Count == 0 ? null : v.Options,
            new VolumeUsageData(volumes.SizeOf(v.Name), usages.Sum(u => u.ContainersUsing(v.Name).Count)))).ToList();
        return Results.Json(new SystemDfResponse(imageList.Sum(i => i.Size), imageSummaries, containerSummaries, volumeList, []), DockerJson.Options);
    }

    private static string Familiar(string name) => WebUI.Engine.References.ImageReference.Parse(name).FamiliarString;
}
