using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebUI.Engine.Content;
using WebUI.Engine.Distribution;
using WebUI.Engine.Errors;
using WebUI.Engine.Events;
using WebUI.Engine.Layers;
using WebUI.Engine.References;
using WebUI.Engine.Snapshots;

namespace WebUI.Engine.Images;

/// <summary>
/// The image service: resolves names, imports and loads (layers committed as snapshots first, the image registered
/// last, so a half-loaded image is never visible), tags and removes with Docker's rmi rules.
/// Mutations are serialized by one lock; reads go to the store directly.
/// </summary>
internal sealed partial class ImageService(
    ImageStore store,
    LocalContentStore content,
    OverlaySnapshotter snapshots,
    LayerApplier applier,
    IEventBus events,
    IServiceProvider services,
    IOptions<EngineOptions> options,
    TimeProvider time,
    ILogger<ImageService> logger) : IImageService
{
    private readonly SemaphoreSlim _mutex = new(1, 1);

    /// <summary>Where load extracts archives: on the data root's file system so nothing large lands in /tmp.</summary>
    internal string TempDir => Path.Combine(options.Value.DataRoot, "tmp");

    public Task<ImageRecord> GetAsync(string nameOrId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(store.ById(ResolveId(nameOrId)) ?? throw NoSuchImage(nameOrId));
    }

    /// <summary>Docker's lookup order: full digest id, 64-hex id, name (with :latest by default), then a unique id prefix.</summary>
    internal string ResolveId(string nameOrId)
    {
        if (string.IsNullOrEmpty(nameOrId)) throw NoSuchImage(nameOrId);
        if (Digest.TryParse(nameOrId, out var full)) return store.ById(full.Value) is not null ? full.Value : throw NoSuchImage(nameOrId);
        if (Digest.IsHex64(nameOrId) && store.ById(Digest.Sha256Prefix + nameOrId) is not null) return Digest.Sha256Prefix + nameOrId;
        if (ImageReference.TryParse(nameOrId, out var reference, out _))
        {
            if (store.Resolve(reference.WithDefaultTag().ToString()) is { } byName) return byName;
        }
        var prefix = nameOrId.StartsWith(Digest.Sha256Prefix, StringComparison.Ordinal) ? nameOrId[Digest.Sha256Prefix.Length..] : nameOrId;
        if (prefix.Length is > 0 and <= 64 && prefix.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c)))
        {
            var matches = store.SearchPrefix(prefix);
            if (matches.Count == 1) return matches[0];
        }
        throw NoSuchImage(nameOrId);
    }

    private static EngineException NoSuchImage(string nameOrId)
    {
        var shown = ImageReference.TryParse(nameOrId, out var r, out _) && !IsHexLike(nameOrId) ? r.WithDefaultTag().FamiliarString : nameOrId;
        return EngineException.NotFound($"No such image: {shown}");
    }

    private static bool IsHexLike(string s) => s.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c)) && s.Length >= 12;

    public Task<IReadOnlyList<ImageRecord>> ListAsync(ImageListOptions listOptions, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var filters = listOptions.Filters;
        ImageFilters.Validate(filters);
        DateTimeOffset? before = null, since = null;
        if (filters.TryGetValue("before", out var b)) before = b.Select(v => store.ById(ResolveId(v))!.Spec.Created ?? DateTimeOffset.MinValue).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        if (filters.TryGetValue("since", out var s)) since = s.Select(v => store.ById(ResolveId(v))!.Spec.Created ?? DateTimeOffset.MinValue).DefaultIfEmpty(DateTimeOffset.MinValue).Max();

        var result = new List<ImageRecord>();
        var all = store.All();
        // As Docker: without --all, untagged images that other images were built from (intermediate build steps) are hidden.
        var parents = listOptions.All ? [] : all.Where(i => i.Parent is not null).Select(i => i.Parent!).ToHashSet(StringComparer.Ordinal);
        foreach (var image in all)
        {
            if (image.RepoTags.Count == 0 && image.RepoDigests.Count == 0 && parents.Contains(image.Id)) continue;
            var created = image.Spec.Created ?? DateTimeOffset.MinValue;
            if (before is { } bt && created >= bt) continue;
            if (since is { } st && created <= st) continue;
            if (filters.TryGetValue("dangling", out var d) && d.Count > 0 && !ImageFilters.Dangling(d, image)) continue;
            if (filters.TryGetValue("label", out var l) && !ImageFilters.Labels(l, image)) continue;
            var shown = image;
            if (filters.TryGetValue("reference", out var patterns) && patterns.Count > 0)
            {
                // As Docker: only the matching names are listed, and an image with none is left out.
                var tags = ImageFilters.MatchingNames(patterns, image.RepoTags);
                var digests = ImageFilters.MatchingNames(patterns, image.RepoDigests);
                if (tags.Count == 0 && digests.Count == 0) continue;
                shown = image with { RepoTags = tags, RepoDigests = digests };
            }
            result.Add(shown);
        }
        return Task.FromResult<IReadOnlyList<ImageRecord>>(result.OrderByDescending(i => i.Spec.Created ?? DateTimeOffset.MinValue).ThenBy(i => i.Id, StringComparer.Ordinal).ToList());
    }

    public async Task<ImageRecord> ImportAsync(Stream rootfsTar, ImageImportOptions importOptions, CancellationToken cancellationToken)
    {
        // Validate everything the user typed before reading a byte of the tarball.
        var name = importOptions.Reference is { Length: > 0 } r ? ParseTagTarget(r) : null;
        var config = new ImageConfig();
        ImageChanges.Apply(config, importOptions.Changes);
        var (os, arch, variant) = ParsePlatform(importOptions.Platform);

        await _mutex.WaitAsync(cancellationToken);
        try
        {
            Descriptor? blob = null;
            var chainId = await snapshots.CommitAsync(null, null, async (dir, ct) =>
            {
                // The tarball is kept as it came (compressed or not): it is the layer docker save and push send.
                await using var writer = content.BeginWrite();
                await using var tee = new TeeReadStream(rootfsTar, writer);
                var applied = await applier.ApplyAsync(tee, dir, null, ct);
                await tee.DrainAsync(ct);
                var info = await writer.CommitAsync(null, null, ct);
                blob = new Descriptor { MediaType = applied.MediaType, Digest = info.Digest.Value, Size = info.Size };
                return (applied.DiffId.ToString(), applied.Size);
            }, cancellationToken);

            var now = time.GetUtcNow();
            var comment = string.IsNullOrEmpty(importOptions.Message) ? "Imported from -" : importOptions.Message;
            var spec = new ImageSpec
            {
                Architecture = arch,
                Os = os,
                Variant = variant,
                Created = now,
                Comment = comment,
                Config = config,
                RootFs = new RootFs { DiffIds = [chainId] },
                History = [new HistoryEntry { Created = now, Comment = comment }],
            };
            var bytes = JsonSerializer.SerializeToUtf8Bytes(spec, ImageJson.Options);
            var id = await RegisterAsync(bytes, null, null, [blob!], spec, [chainId], cancellationToken);
            if (name is not null) store.SetReference(name.ToString(), id, now);
            Publish("import", id, name?.FamiliarString ?? id);
            LogImported(logger, id, name?.FamiliarString ?? "<none>");
            return store.ById(id)!;
        }
        finally
        {
            _mutex.Release();
        }
    }

    private static (string Os, string Arch, string? Variant) ParsePlatform(string? platform)
    {
        if (string.IsNullOrEmpty(platform)) return ("linux", "amd64", null);
        var parts = platform.ToLowerInvariant().Split('/');
        if (parts.Length > 3 || parts[0] != "linux" || (parts.Length > 1 && parts[1] is not ("amd64" or "x86_64")))
            throw EngineException.Invalid($"\"{platform}\": unsupported platform: this engine runs linux/amd64 only");
        return ("linux", "amd64", parts.Length == 3 ? parts[2] : null);
    }

    /// <summary>Stores the config blob and makes the image visible; its layers must all be committed already.</summary>
    /// <param name="manifest">The manifest the image came with (OCI layouts), or null to write one over <paramref name="layerBlobs"/>.</param>
    private async Task<string> RegisterAsync(byte[] config, Digest? expected, byte[]? manifest, IReadOnlyList<Descriptor> layerBlobs, ImageSpec spec, IReadOnlyList<string> chainIds, CancellationToken cancellationToken, string? parent = null)
    {
        var info = await content.IngestAsync(new MemoryStream(config, writable: false), expected, config.Length, cancellationToken);
        var id = info.Digest.Value;
        manifest ??= ImageManifests.Create(info.Digest, info.Size, layerBlobs);
        var manifestInfo = await content.IngestAsync(new MemoryStream(manifest, writable: false), null, manifest.Length, cancellationToken);
        if (store.StoredById(id) is not { Manifest: not null })
        {
            var size = chainIds.Sum(snapshots.SizeOf);
            store.Add(new StoredImage { Id = id, ChainIds = chainIds, Size = size, Stored = time.GetUtcNow(), Manifest = manifestInfo.Digest.Value, Parent = parent }, spec);
        }
        return id;
    }

    public async IAsyncEnumerable<string> LoadAsync(Stream archive, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Everything is verified and registered under the lock; lines are yielded after it, so a reader that stops early cannot hold it.
        var lines = new List<string>();
        await _mutex.WaitAsync(cancellationToken);
        try
        {
            using var extracted = await ImageArchive.ExtractAsync(archive, TempDir, cancellationToken);
            foreach (var candidate in extracted.ReadImages())
                lines.AddRange(await LoadOneAsync(extracted, candidate, cancellationToken));
        }
        finally
        {
            _mutex.Release();
        }
        foreach (var line in lines) yield return line;
    }

    private async Task<List<string>> LoadOneAsync(ImageArchive archive, LoadCandidate candidate, CancellationToken cancellationToken)
    {
        ImageSpec spec;
        try
        {
            spec = JsonSerializer.Deserialize<ImageSpec>(candidate.Config, ImageJson.Options) ?? throw EngineException.Invalid("invalid image config: empty");
        }
        catch (JsonException e)
        {
            throw EngineException.Invalid($"invalid image config {candidate.ConfigDigest}: {e.Message}");
        }
        var diffIds = spec.RootFs.DiffIds.Select(d => Digest.TryParse(d, out var p) ? p : throw EngineException.Invalid($"invalid image config {candidate.ConfigDigest}: bad diff id \"{d}\"")).ToList();
        if (diffIds.Count != candidate.Layers.Count)
            throw EngineException.Invalid($"invalid archive: image {candidate.ConfigDigest.Short} has {candidate.Layers.Count} layers but its config lists {diffIds.Count} diff ids");
        var chainIds = ChainId.Compute(diffIds).Select(c => c.Value).ToList();

        var blobs = new List<Descriptor>();
        for (var i = 0; i < chainIds.Count; i++)
        {
            var layer = candidate.Layers[i];
            var diffId = diffIds[i];
            Descriptor? blob = null;
            await snapshots.CommitAsync(chainIds[i], i == 0 ? null : chainIds[i - 1], async (dir, ct) =>
            {
                await using var file = archive.OpenFile(layer.Path);
                await using var writer = content.BeginWrite();
                await using var tee = new TeeReadStream(file, writer);
                var applied = await applier.ApplyAsync(tee, dir, diffId, ct);
                await tee.DrainAsync(ct);
                // Verifies the blob against the digest and size the archive names, before the snapshot is committed.
                var info = await writer.CommitAsync(layer.BlobDigest, layer.Size, ct);
                blob = new Descriptor { MediaType = layer.MediaType ?? applied.MediaType, Digest = info.Digest.Value, Size = info.Size };
                return (chainIds[i], applied.Size);
            }, cancellationToken);
            // Unpacked before (another image shares the layer): the blob is still stored, and verified on the way.
            blobs.Add(blob ?? await StoreLayerBlobAsync(archive, layer, cancellationToken));
        }

        var id = await RegisterAsync(candidate.Config, candidate.ConfigDigest, candidate.Manifest, blobs, spec, chainIds, cancellationToken);
        var now = time.GetUtcNow();
        var lines = new List<string>();
        foreach (var name in candidate.Names)
        {
            var familiar = ImageReference.Parse(name).FamiliarString;
            if (store.SetReference(name, id, now) is { } previous)
                lines.Add($"The image {familiar} already exists, renaming the old one with ID {previous} to empty string");
            lines.Add($"Loaded image: {familiar}");
        }
        foreach (var repoDigest in candidate.RepoDigests) store.SetReference(repoDigest, id, now);
        if (candidate.Names.Count == 0) lines.Add($"Loaded image ID: {id}");
        Publish("load", id, candidate.Names.Count > 0 ? ImageReference.Parse(candidate.Names[0]).FamiliarString : id);
        LogLoaded(logger, id, chainIds.Count);
        return lines;
    }

    private async Task<Descriptor> StoreLayerBlobAsync(ImageArchive archive, LayerSource layer, CancellationToken cancellationToken)
    {
        ContentInfo info;
        if (layer.BlobDigest is { } known && content.Exists(known)) info = content.Info(known);
        else
        {
            await using var file = archive.OpenFile(layer.Path);
            info = await content.IngestAsync(file, layer.BlobDigest, layer.Size, cancellationToken);
        }
        var mediaType = layer.MediaType;
        if (mediaType is null)
        {
            await using var blob = content.OpenRead(info.Digest);
            (var tar, mediaType) = await Decompression.OpenWithTypeAsync(blob, cancellationToken);
            await tar.DisposeAsync();
        }
        return new Descriptor { MediaType = mediaType, Digest = info.Digest.Value, Size = info.Size };
    }

    public async Task TagAsync(string source, string target, CancellationToken cancellationToken)
    {
        var name = ParseTagTarget(target);
        await _mutex.WaitAsync(cancellationToken);
        try
        {
            var id = ResolveId(source);
            store.SetReference(name.ToString(), id, time.GetUtcNow());
            Publish("tag", id, name.FamiliarString);
        }
        finally
        {
            _mutex.Release();
        }
    }

    private static ImageReference ParseTagTarget(string target)
    {
        var name = ImageReference.Parse(target);
        if (name.Digest is not null) throw EngineException.Invalid("refusing to create a tag with a digest reference");
        return name.WithDefaultTag();
    }

    public async Task<IReadOnlyList<ImageHistoryItem>> HistoryAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var image = await GetAsync(nameOrId, cancellationToken);
        var items = new List<ImageHistoryItem>();
        var layer = 0;
        foreach (var h in image.Spec.History ?? [])
        {
            long size = 0;
            if (!h.EmptyLayer && layer < image.ChainIds.Count) size = snapshots.SizeOf(image.ChainIds[layer++]);
            items.Add(new ImageHistoryItem("<missing>", h.Created?.ToUnixTimeSeconds() ?? 0, h.CreatedBy ?? "", [], size, h.Comment ?? ""));
        }
        // A config without history still has layers worth showing.
        if (items.Count == 0)
            foreach (var chain in image.ChainIds)
                items.Add(new ImageHistoryItem("<missing>", image.Spec.Created?.ToUnixTimeSeconds() ?? 0, "", [], snapshots.SizeOf(chain), ""));
        items.Reverse();
        if (items.Count > 0)
            items[0] = items[0] with { Id = image.Id, Tags = image.RepoTags.Select(t => ImageReference.Parse(t).FamiliarString).ToList() };
        return items;
    }

    /// <summary>
    /// Docker's image events: actor the image id, attribute "name" the familiar name; caused by a non-Admin, also the
    /// caller's teams (images are shared, so their events are seen by the team that caused them, Admins and root).
    /// </summary>
    private void Publish(string action, string id, string name)
    {
        var attributes = new Dictionary<string, string> { ["name"] = name };
        if (Security.Admission.TeamScope.ActingTeams(Security.Admission.CallerContext.Current) is { } teams) attributes[Security.Admission.TeamScope.Label] = teams;
        events.Publish(new EngineEvent("image", action, id, attributes, time.GetUtcNow()));
    }

    public IReadOnlyDictionary<string, string> StorageOf(ImageRecord image)
    {
        if (image.TopChainId is not { } top) return new Dictionary<string, string>();
        var dirs = snapshots.LowerDirs(top);
        var topDir = snapshots.DirectoryOf(top);
        var result = new Dictionary<string, string>
        {
            ["MergedDir"] = Path.Combine(topDir, "merged"),
            ["UpperDir"] = dirs[0],
            ["WorkDir"] = Path.Combine(topDir, "work"),
        };
        if (dirs.Count > 1) result["LowerDir"] = string.Join(':', dirs.Skip(1));
        return result;
    }
}
