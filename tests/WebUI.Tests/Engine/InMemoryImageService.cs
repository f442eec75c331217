using System.Runtime.CompilerServices;
using WebUI.Engine.Errors;
using WebUI.Engine.Images;

namespace WebUI.Tests.Engine;

/// <summary>Images held in a list; records the calls the dashboard makes; can be told to fail or to hold a call open.</summary>
public sealed class InMemoryImageService : IImageService, IImageUsage
{
    public List<ImageRecord> Images { get; } = [];
    public Dictionary<string, List<string>> UsedBy { get; } = [];
    public Dictionary<string, IReadOnlyList<ImageHistoryItem>> History { get; } = [];
    public List<(string Name, bool Force, bool NoPrune)> Removed { get; } = [];
    public List<(string Source, string Target)> Tagged { get; } = [];
    public List<long> LoadedBytes { get; } = [];
    public List<IReadOnlyList<string>> Saved { get; } = [];

    /// <summary>Thrown by the next calls while set.</summary>
    public Exception? Failure { get; set; }

    /// <summary>While set, ListAsync waits for it (to see loading states).</summary>
    public TaskCompletionSource? ListGate { get; set; }

    public static ImageRecord Image(string hex, long size, DateTimeOffset created, params string[] tags) => new()
    {
        Id = "sha256:" + hex.PadRight(64, '0'),
        Spec = new ImageSpec { Created = created, RootFs = new RootFs { DiffIds = ["sha256:" + new string('d', 64)] } },
        RepoTags = tags,
        Size = size,
    };

    public Task<ImageRecord> GetAsync(string nameOrId, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        return Task.FromResult(Find(nameOrId));
    }

    public async Task<IReadOnlyList<ImageRecord>> ListAsync(ImageListOptions options, CancellationToken cancellationToken)
    {
        if (ListGate is { } gate) await gate.Task.WaitAsync(cancellationToken);
        ThrowIfFailing();
        return Images.ToList();
    }

    public Task<ImageRecord> ImportAsync(Stream rootfsTar, ImageImportOptions options, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the dashboard does not import");

    public async IAsyncEnumerable<string> LoadAsync(Stream archive, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        var buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = await archive.ReadAsync(buffer, cancellationToken)) > 0) total += n;
        LoadedBytes.Add(total);
        yield return "Loaded image: loaded:latest";
    }

    public Task TagAsync(string source, string target, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        Find(source);
        Tagged.Add((source, target));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ImageDeleteResult>> RemoveAsync(string nameOrId, bool force, bool noPrune, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        Removed.Add((nameOrId, force, noPrune));
        var image = Find(nameOrId);
        Images.Remove(image);
        return Task.FromResult<IReadOnlyList<ImageDeleteResult>>([new ImageDeleteResult(null, image.Id)]);
    }

    public Task<ImagePruneResult> PruneAsync(IReadOnlyDictionary<string, IReadOnlyList<string>> filters, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the dashboard does not prune");

    public async Task SaveAsync(IReadOnlyList<string> namesOrIds, Stream output, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        Saved.Add(namesOrIds);
        await output.WriteAsync("tar"u8.ToArray(), cancellationToken);
    }

    public Task<IReadOnlyList<ImageHistoryItem>> HistoryAsync(string nameOrId, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        var image = Find(nameOrId);
        return Task.FromResult(History.TryGetValue(image.Id, out var h) ? h : (IReadOnlyList<ImageHistoryItem>)[]);
    }

    public IReadOnlyDictionary<string, string> StorageOf(ImageRecord image) => new Dictionary<string, string>();

    public IReadOnlyList<string> ContainersUsing(string imageId) => UsedBy.TryGetValue(imageId, out var ids) ? ids : [];

    public bool AnyRunning(string imageId) => false;

    private ImageRecord Find(string nameOrId) =>
        Images.FirstOrDefault(i => i.Id == nameOrId || i.Id == "sha256:" + nameOrId || i.RepoTags.Any(t => t == nameOrId || t.EndsWith("/" + nameOrId, StringComparison.Ordinal)))
        ?? throw EngineException.NotFound($"No such image: {nameOrId}");

    private void ThrowIfFailing()
    {
        if (Failure is { } e) throw e;
    }
}
