namespace WebUI.Engine.Images;

/// <summary>Stored images: the one place that resolves names, imports, loads, tags and removes them.</summary>
public interface IImageService
{
    /// <summary>Finds an image by name ("busybox", "busybox:1", "docker.io/library/busybox:latest", "name@sha256:..."), full id or unique id prefix. Throws NotFound "No such image: x".</summary>
    Task<ImageRecord> GetAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>Lists images, filtered Docker-style (dangling, reference, label, before, since).</summary>
    Task<IReadOnlyList<ImageRecord>> ListAsync(ImageListOptions options, CancellationToken cancellationToken);

    /// <summary>Creates a one-layer image from a root file system tarball (docker import).</summary>
    Task<ImageRecord> ImportAsync(Stream rootfsTar, ImageImportOptions options, CancellationToken cancellationToken);

    /// <summary>Loads a docker-archive (docker save format) or OCI image-layout tarball; yields one line per loaded image, e.g. "Loaded image: busybox:latest".</summary>
    IAsyncEnumerable<string> LoadAsync(Stream archive, CancellationToken cancellationToken);

    /// <summary>Adds the name <paramref name="target"/> to the image <paramref name="source"/>.</summary>
    Task TagAsync(string source, string target, CancellationToken cancellationToken);

    /// <summary>Untags or deletes (docker rmi); results in the order Docker reports them.</summary>
    Task<IReadOnlyList<ImageDeleteResult>> RemoveAsync(string nameOrId, bool force, bool noPrune, CancellationToken cancellationToken);

    /// <summary>docker image prune: dangling images (or, with dangling=false, every image no container uses); filters dangling and label.</summary>
    Task<ImagePruneResult> PruneAsync(IReadOnlyDictionary<string, IReadOnlyList<string>> filters, CancellationToken cancellationToken);

    /// <summary>docker save: writes one tarball that is both a docker-archive (manifest.json) and an OCI image layout (index.json, blobs/). Images named by id are saved without names.</summary>
    Task SaveAsync(IReadOnlyList<string> namesOrIds, Stream output, CancellationToken cancellationToken);

    /// <summary>docker history: one entry per history entry of the config, newest first.</summary>
    Task<IReadOnlyList<ImageHistoryItem>> HistoryAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>Where the image's layers are on disk, in Docker's GraphDriver.Data shape (LowerDir, UpperDir, MergedDir, WorkDir); empty for an image without layers.</summary>
    IReadOnlyDictionary<string, string> StorageOf(ImageRecord image);
}

/// <summary>Filters and flags for listing images.</summary>
public sealed record ImageListOptions
{
    public bool All { get; init; }
    /// <summary>Docker filters: name → accepted values.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}

/// <summary>Options of docker import.</summary>
public sealed record ImageImportOptions
{
    /// <summary>Name to tag the result with, or null.</summary>
    public string? Reference { get; init; }
    public string? Message { get; init; }
    /// <summary>Dockerfile-like changes (CMD, ENV, ENTRYPOINT, WORKDIR, USER, LABEL, EXPOSE, VOLUME, STOPSIGNAL).</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];
    public string? Platform { get; init; }
}

/// <summary>One line of docker rmi's answer: exactly one of the two is set.</summary>
public sealed record ImageDeleteResult(string? Untagged, string? Deleted);
