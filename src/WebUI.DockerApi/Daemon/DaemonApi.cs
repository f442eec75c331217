using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using WebUI.DockerApi.Hosting;
using WebUI.Engine;
using WebUI.Engine.Containers;
using WebUI.Engine.Images;
using WebUI.Engine.Linux;

namespace WebUI.DockerApi.Daemon;

/// <summary>Docker Engine API: /_ping, /version, /info.</summary>
public static class DaemonApi
{
    public static IEndpointRouteBuilder MapDaemonApi(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/_ping", ["GET", "HEAD"], Ping);
        app.MapGet("/version", GetVersion);
        app.MapGet("/info", GetInfoAsync);
        return app;
    }

    private static IResult Ping(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-cache, no-store, must-revalidate";
        context.Response.Headers.Pragma = "no-cache";
        context.Response.Headers["Builder-Version"] = "1";
        return HttpMethods.IsHead(context.Request.Method)
            ? Results.Content("", "text/plain; charset=utf-8")
            : Results.Text("OK", "text/plain; charset=utf-8");
    }

    private static IResult GetVersion(IOptions<EngineOptions> options)
    {
        var engine = new ComponentVersion("Engine", ApiVersion.ServerVersion, new Dictionary<string, string>
        {
            ["ApiVersion"] = ApiVersion.Current,
            ["MinAPIVersion"] = ApiVersion.Minimum,
            ["Os"] = "linux",
            ["Arch"] = HostFacts.GoArch,
            ["KernelVersion"] = HostFacts.KernelVersion,
        });
        var runtime = new ComponentVersion(options.Value.Runtime, "", new Dictionary<string, string>());
        return Results.Json(new VersionResponse(
            new PlatformName("WebUI Engine"),
            [engine, runtime],
            ApiVersion.ServerVersion,
            ApiVersion.Current,
            ApiVersion.Minimum,
            GitCommit: "",
            GoVersion: $".NET {Environment.Version}",
            Os: "linux",
            Arch: HostFacts.GoArch,
            KernelVersion: HostFacts.KernelVersion,
            BuildTime: File.GetLastWriteTimeUtc(typeof(DaemonApi).Assembly.Location).ToString("O")), DockerJson.Options);
    }

    private static async Task<IResult> GetInfoAsync(
        [FromServices] IOptions<EngineOptions> options, [FromServices] IImageService images, [FromServices] IContainerService containers,
        CancellationToken cancellationToken)
    {
        var imageCount = (await images.ListAsync(new ImageListOptions(), cancellationToken)).Count;
        var states = containers.List(new ContainerListOptions { All = true }).Select(c => c.State.Status).ToList();
        var info = InfoResponse.Create(options.Value, imageCount) with
        {
            Containers = states.Count,
            ContainersRunning = states.Count(s => s is ContainerStatus.Running or ContainerStatus.Restarting),
            ContainersPaused = states.Count(s => s == ContainerStatus.Paused),
            ContainersStopped = states.Count(s => s is not (ContainerStatus.Running or ContainerStatus.Restarting or ContainerStatus.Paused)),
        };
        return Results.Json(info, DockerJson.Options);
    }
}
