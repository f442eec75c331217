using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using WebUI.Engine.Distribution;
using WebUI.Engine.Events;
using WebUI.Engine.Images;
using WebUI.Audit;
using WebUI.Identity;

namespace WebUI.Services;

/// <summary>The images page's view of the engine: table queries with usage counts, and the image operations it offers.</summary>
public sealed class ImagesView(IImageService images, IEnumerable<IImageUsage> usages, IImageDistribution distribution, IEventBus events, ChangeGuard guard)
{
    private static readonly Dictionary<string, Func<ImageRow, IComparable?>> SortKeys = new()
    {
        ["name"] = r => r.Name,
        ["id"] = r => r.Id,
        ["size"] = r => r.Size,
        ["created"] = r => r.Created,
        ["usedBy"] = r => r.UsedBy,
    };

    public async Task<PagedResult<ImageRow>> QueryAsync(PageRequest request, CancellationToken cancellationToken)
    {
        var all = await images.ListAsync(new ImageListOptions(), cancellationToken);
        var rows = all
            .Select(ToRow)
            .Where(r => Paging.Matches(request.Search, [r.Id, .. r.Tags]));
        return Paging.Apply(rows, request, SortKeys, "created", defaultDescending: true);
    }

    public Task<ImageRecord> GetAsync(string id, CancellationToken cancellationToken) => images.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<ImageHistoryItem>> HistoryAsync(string id, CancellationToken cancellationToken) => images.HistoryAsync(id, cancellationToken);

    public Task<IReadOnlyList<ImageDeleteResult>> RemoveAsync(string nameOrId, bool force, CancellationToken cancellationToken) =>
        guard.RunAsync(Policies.Operator, AuditActions.ImageRemove, nameOrId, () => images.RemoveAsync(nameOrId, force, noPrune: false, cancellationToken), cancellationToken);

    public Task TagAsync(string source, string target, CancellationToken cancellationToken) =>
        guard.RunAsync(Policies.Operator, AuditActions.ImageTag, $"{source} -> {target.Trim()}", () => images.TagAsync(source, target.Trim(), cancellationToken), cancellationToken);

    /// <summary>Loads a docker save / OCI archive, reporting bytes read so far; yields the engine's "Loaded image: ..." lines.</summary>
    public async IAsyncEnumerable<string> LoadAsync(Stream archive, IProgress<long> bytesRead, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var user = await guard.DemandAsync(Policies.Operator, AuditActions.ImageLoad, null, cancellationToken);
        await using var counting = new ProgressStream(archive, bytesRead);
        var loaded = new List<string>();
        await foreach (var line in images.LoadAsync(counting, cancellationToken))
        {
            loaded.Add(line);
            yield return line;
        }
        await guard.RecordAsync(user, AuditActions.ImageLoad, string.Join("; ", loaded), null, cancellationToken);
    }

    public Task SaveAsync(IReadOnlyList<string> namesOrIds, Stream output, CancellationToken cancellationToken) =>
        guard.RunAsync(Policies.Operator, AuditActions.ImageSave, string.Join(" ", namesOrIds), () => images.SaveAsync(namesOrIds, output, cancellationToken), cancellationToken);

    /// <summary>docker save as a stream to read from (for a browser download): the engine writes into a pipe while the reader drains it.</summary>
    public Stream SaveStream(IReadOnlyList<string> namesOrIds, CancellationToken cancellationToken)
    {
        var pipe = new Pipe();
        _ = Task.Run(async () =>
        {
            try
            {
                await using (var writer = pipe.Writer.AsStream(leaveOpen: true))
                    await SaveAsync(namesOrIds, writer, cancellationToken);
                await pipe.Writer.CompleteAsync();
            }
            catch (Exception e)
            {
                await pipe.Writer.CompleteAsync(e);
            }
        }, CancellationToken.None);
        return pipe.Reader.AsStream();
    }

    /// <summary>docker pull; user name and password only when the registry needs them.</summary>
    public Task<PullResult> PullAsync(string reference, string? username, string? password, IProgress<DistributionProgress> progress, CancellationToken cancellationToken) =>
        guard.RunAsync(Policies.Operator, AuditActions.ImagePull, reference.Trim(),
            () => distribution.PullAsync(reference.Trim(), null, Credentials(reference, username, password), progress, cancellationToken), cancellationToken);

    /// <summary>docker push of a local name to the registry it names.</summary>
    public Task<PushResult> PushAsync(string reference, string? username, string? password, IProgress<DistributionProgress> progress, CancellationToken cancellationToken) =>
        guard.RunAsync(Policies.Operator, AuditActions.ImagePush, reference.Trim(),
            () => distribution.PushAsync(reference.Trim(), Credentials(reference, username, password), progress, cancellationToken), cancellationToken);

    private static RegistryCredentials Credentials(string reference, string? username, string? password) =>
        string.IsNullOrEmpty(username)
            ? RegistryCredentials.Anonymous
            : new RegistryCredentials(username, password ?? "", ServerAddress: WebUI.Engine.References.ImageReference.TryParse(reference.Trim(), out var r, out _) ? r.Domain : null);

    /// <summary>Names of local images ("busybox:latest"), for suggestions in forms.</summary>
    public async Task<IReadOnlyList<string>> NamesAsync(CancellationToken cancellationToken) =>
        (await images.ListAsync(new ImageListOptions(), cancellationToken)).SelectMany(i => i.RepoTags).Select(Formats.Familiar).Order(StringComparer.Ordinal).ToList();

    /// <summary>Calls <paramref name="changed"/> when an image or a container (usage counts) changes.</summary>
    public IDisposable OnChange(Action changed) =>
        events.Subscribe(e => { if (e.Type is "image" or "container") changed(); });

    private ImageRow ToRow(ImageRecord image) => new(
        image.Id,
        image.RepoTags.Select(Formats.Familiar).ToList(),
        image.Size,
        image.Spec.Created,
        usages.Sum(u => u.ContainersUsing(image.Id).Count));
}
