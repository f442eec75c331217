using Microsoft.Extensions.Options;
using WebUI.Engine.Content;
using WebUI.Engine.Hosting;
using WebUI.Engine.Snapshots;

namespace WebUI.Engine.Images;

/// <summary>At start: creates the directories, drops interrupted ingests, unpacks and loads, then reads the image store.</summary>
internal sealed class ImagesInitializer(
    LocalContentStore content,
    OverlaySnapshotter snapshots,
    ImageStore store,
    IOptions<EngineOptions> options) : IEngineInitializer
{
    public int Order => 100;

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        content.Initialize();
        snapshots.Initialize();
        var temp = Path.Combine(options.Value.DataRoot, "tmp");
        if (Directory.Exists(temp))
            foreach (var stale in Directory.EnumerateDirectories(temp, "load-*"))
                Directory.Delete(stale, recursive: true);
        store.Initialize();
        return Task.CompletedTask;
    }
}
