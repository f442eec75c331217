using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WebUI.Engine.Content;
using WebUI.Engine.Images;
using WebUI.Engine.Layers;
using WebUI.Engine.Snapshots;

namespace WebUI.Engine.Tests.Images;

/// <summary>The image half of the engine wired by hand over a throwaway data root, removed on dispose.</summary>
internal sealed class TestEngine : IDisposable, IServiceProvider
{
    public TestEngine()
    {
        Root = Path.Combine("/tmp/wte", Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Root);
        var options = Options.Create(new EngineOptions { DataRoot = Path.Combine(Root, "data"), ExecRoot = Path.Combine(Root, "run") });
        Content = new LocalContentStore(options, NullLogger<LocalContentStore>.Instance);
        Snapshots = new OverlaySnapshotter(options, TimeProvider.System, NullLogger<OverlaySnapshotter>.Instance);
        Applier = new LayerApplier(NullLogger<LayerApplier>.Instance);
        Store = new ImageStore(options, Content, NullLogger<ImageStore>.Instance);
        Images = new ImageService(Store, Content, Snapshots, Applier, Events, this, options, TimeProvider.System, NullLogger<ImageService>.Instance);
        new ImagesInitializer(Content, Snapshots, Store, options).InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public string Root { get; }
    public string DataRoot => Path.Combine(Root, "data");
    public LocalContentStore Content { get; }
    public OverlaySnapshotter Snapshots { get; }
    public LayerApplier Applier { get; }
    public ImageStore Store { get; }
    public ImageService Images { get; }
    public WebUI.Engine.Events.EventBus Events { get; } = new();

    /// <summary>Containers the rmi tests pretend exist (the real IImageUsage lives in the container engine).</summary>
    public List<IImageUsage> Usages { get; } = [];

    public object? GetService(Type serviceType) => serviceType == typeof(IEnumerable<IImageUsage>) ? Usages.ToArray() : null;

    /// <summary>Directories under snapshots/ (committed or in progress), to prove a failed unpack left nothing.</summary>
    public IReadOnlyList<string> SnapshotDirs() =>
        Directory.EnumerateDirectories(Path.Combine(DataRoot, "snapshots")).Select(Path.GetFileName).ToList()!;

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
