using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebUI.Engine.Build.Context;
using WebUI.Engine.Build.Dockerfile;
using WebUI.Engine.Build.Stages;
using WebUI.Engine.Commit;
using WebUI.Engine.Containers;
using WebUI.Engine.Content;
using WebUI.Engine.Distribution;
using WebUI.Engine.Errors;
using WebUI.Engine.Images;
using WebUI.Engine.Layers;
using WebUI.Engine.References;
using WebUI.Engine.Runtime;
using WebUI.Engine.Snapshots;

namespace WebUI.Engine.Build;

/// <summary>
/// The Dockerfile builder behind POST /build: validates the options, extracts the context into a private directory
/// under the data root, plans the stages and runs a <see cref="BuildSession"/>; tags only once every step succeeded.
/// </summary>
internal sealed partial class ImageBuilder(
    ImageService images,
    IImageDistribution distribution,
    IContainerService containers,
    OverlaySnapshotter snapshots,
    LayerCommitter layers,
    LayerApplier applier,
    BuildCache cache,
    IOptions<EngineOptions> engineOptions,
    TimeProvider time,
    ILogger<ImageBuilder> logger) : IImageBuilder, IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.None }) { Timeout = TimeSpan.FromMinutes(30) };

    public async Task<string> BuildAsync(Stream body, BuildOptions options, Func<BuildMessage, CancellationToken, Task> output, CancellationToken cancellationToken)
    {
        // Every option is checked before the context is read.
        foreach (var tag in options.Tags) ImageService.ValidateTag(tag);
        if (options.Platform is { Length: > 0 } platform) BuildSession.CheckPlatform(platform);
        NetworkModes.Validate(options.NetworkMode is "default" ? null : options.NetworkMode);
        foreach (var name in options.CacheFrom)
            if (!ImageReference.TryParse(name, out _, out var why) && !Digest.TryParse(name, out _))
                throw EngineException.Invalid($"invalid cache-from reference {name}: {why}");
        if (string.IsNullOrWhiteSpace(options.Dockerfile)) throw EngineException.Invalid("dockerfile path must not be empty");

        var tempDir = Path.Combine(engineOptions.Value.DataRoot, "tmp", "build-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(tempDir);
        var started = time.GetTimestamp();
        try
        {
            var context = await BuildContextExtractor.ExtractAsync(body, Path.Combine(tempDir, "context"), options.Dockerfile, cancellationToken);
            var dockerfile = DockerfileParser.Parse(context.DockerfileText);
            var plan = BuildPlan.Create(dockerfile, new BuildPlanOptions
            {
                BuildArgs = options.BuildArgs,
                Target = options.Target,
                AutomaticArgs = PredefinedArgs.Platform("linux", "amd64", null),
            });
            var session = new BuildSession(images, distribution, containers, snapshots, layers, applier, cache, _http, time, options, context, dockerfile, plan, tempDir, output);
            var id = await session.RunAsync(cancellationToken);
            var shortId = Digest.Parse(id).Short;
            await output(new BuildMessage(null, id), cancellationToken);
            if (options.Quiet) await output(new BuildMessage(id + "\n"), cancellationToken);
            else await output(new BuildMessage($"Successfully built {shortId}\n"), cancellationToken);
            foreach (var tag in options.Tags)
            {
                await images.TagAsync(id, tag, cancellationToken);
                if (!options.Quiet) await output(new BuildMessage($"Successfully tagged {ImageReference.Parse(tag).WithDefaultTag().FamiliarString}\n"), cancellationToken);
            }
            LogBuilt(logger, id, time.GetElapsedTime(started).TotalMilliseconds);
            return id;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e.Message);
            throw;
        }
        finally
        {
            try { Directory.Delete(tempDir, recursive: true); }
            catch (IOException e) { LogCleanupFailed(logger, tempDir, e.Message); }
        }
    }

    public void Dispose() => _http.Dispose();
}
