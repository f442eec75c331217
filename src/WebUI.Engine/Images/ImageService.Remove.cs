using Microsoft.Extensions.DependencyInjection;
using WebUI.Engine.Content;
using WebUI.Engine.Distribution;
using WebUI.Engine.Errors;
using WebUI.Engine.References;

namespace WebUI.Engine.Images;

/// <summary>docker rmi, following the daemon's rules (daemon/images/image_delete.go) so the CLI's expectations hold.</summary>
internal sealed partial class ImageService
{
    public async Task<IReadOnlyList<ImageDeleteResult>> RemoveAsync(string nameOrId, bool force, bool noPrune, CancellationToken cancellationToken)
    {
        await _mutex.WaitAsync(cancellationToken);
        try
        {
            return await RemoveLockedAsync(nameOrId, force, noPrune, cancellationToken);
        }
        finally
        {
            _mutex.Release();
        }
    }

    private async Task<IReadOnlyList<ImageDeleteResult>> RemoveLockedAsync(string nameOrId, bool force, bool noPrune, CancellationToken cancellationToken)
    {
        var id = ResolveId(nameOrId);
        var records = await RemoveResolvedAsync(id, nameOrId, force, noPrune, cancellationToken);
        foreach (var r in records)
        {
            if (r.Untagged is { } untagged) Publish("untag", id, untagged);
            else if (r.Deleted == id) Publish("delete", id, id);
        }
        return records;
    }

    private async Task<List<ImageDeleteResult>> RemoveResolvedAsync(string id, string nameOrId, bool force, bool noPrune, CancellationToken cancellationToken)
    {
        var image = store.ById(id)!;
        var records = new List<ImageDeleteResult>();
        // Resolved lazily: the container engine registers its usage after (or without) the image service.
        var usages = services.GetServices<IImageUsage>().ToList();
        var users = usages.SelectMany(u => u.ContainersUsing(id)).Distinct().ToList();
        var running = usages.Any(u => u.AnyRunning(id));
        var names = image.RepoTags.Concat(image.RepoDigests).ToList();

        if (!IsIdPrefix(id, nameOrId))
        {
            // By name: untag that name; the image goes only with its last name.
            var name = ImageReference.ParseWithDefaultTag(nameOrId);
            if (users.Count > 0 && !force && names.Count == 1)
                throw EngineException.Conflict($"conflict: unable to remove repository reference \"{nameOrId}\" (must force) - container {Short(users[0])} is using its referenced image {Digest.Parse(id).Short}");
            store.RemoveReference(name.ToString());
            records.Add(new ImageDeleteResult(name.FamiliarString, null));
            // A tag removed and only digest names of the same repository left: those go too, as Docker does.
            var left = store.ById(id)!;
            if (left.RepoTags.Count == 0 && left.RepoDigests.Count > 0 && name.Digest is null)
            {
                foreach (var d in left.RepoDigests.Where(d => ImageReference.Parse(d).Name == name.Name))
                {
                    store.RemoveReference(d);
                    records.Add(new ImageDeleteResult(ImageReference.Parse(d).FamiliarString, null));
                }
                left = store.ById(id)!;
            }
            if (left.RepoTags.Count + left.RepoDigests.Count > 0) return records;
            // The last name is gone: delete the image unless something still needs it, and then quietly keep it.
            if (running || (users.Count > 0 && !force)) return records;
        }
        else
        {
            if (running)
                throw EngineException.Conflict($"conflict: unable to delete {Digest.Parse(id).Short} (cannot be forced) - image is being used by running container {Short(users.FirstOrDefault() ?? "")}");
            if (!force)
            {
                if (users.Count > 0)
                    throw EngineException.Conflict($"conflict: unable to delete {Digest.Parse(id).Short} (must be forced) - image is being used by stopped container {Short(users[0])}");
                if (!IsSingleReference(names))
                    throw EngineException.Conflict($"conflict: unable to delete {Digest.Parse(id).Short} (must be forced) - image is referenced in multiple repositories");
            }
            foreach (var name in names)
            {
                store.RemoveReference(name);
                records.Add(new ImageDeleteResult(ImageReference.Parse(name).FamiliarString, null));
            }
        }

        await DeleteImageAsync(image, noPrune, records, cancellationToken);
        return records;
    }

    /// <summary>Deletes the image and, unless <paramref name="noPrune"/>, its layers no other image uses; returns the bytes freed.</summary>
    private async Task<long> DeleteImageAsync(ImageRecord image, bool noPrune, List<ImageDeleteResult> records, CancellationToken cancellationToken)
    {
        var manifest = store.StoredById(image.Id)?.Manifest;
        store.Delete(image.Id);
        DeleteUnlessHeld(Digest.Parse(image.Id));
        DeleteUnreferencedBlobs(manifest);
        records.Add(new ImageDeleteResult(null, image.Id));
        LogDeleted(logger, image.Id);
        long freed = 0;
        if (noPrune) return freed;
        // Layers go top down while no other image stands on them (a container's writable layer also keeps its parent).
        var inUse = store.All().SelectMany(i => i.ChainIds).ToHashSet(StringComparer.Ordinal);
        for (var i = image.ChainIds.Count - 1; i >= 0; i--)
        {
            var chain = image.ChainIds[i];
            if (inUse.Contains(chain)) break;
            var size = snapshots.SizeOf(chain);
            if (!await snapshots.RemoveCommittedAsync(chain, cancellationToken)) break;
            freed += size;
            records.Add(new ImageDeleteResult(null, chain));
        }
        freed += await PruneParentAsync(image, records, cancellationToken);
        return freed;
    }

    /// <summary>As Docker: an untagged parent (a build step) goes with its last child, unless a container uses it.</summary>
    private async Task<long> PruneParentAsync(ImageRecord image, List<ImageDeleteResult> records, CancellationToken cancellationToken)
    {
        if (image.Parent is not { } parentId || store.ById(parentId) is not { } parent) return 0;
        if (parent.RepoTags.Count + parent.RepoDigests.Count > 0) return 0;
        if (store.All().Any(i => i.Parent == parentId)) return 0;
        if (services.GetServices<IImageUsage>().Any(u => u.ContainersUsing(parentId).Count > 0)) return 0;
        return await DeleteImageAsync(parent, noPrune: false, records, cancellationToken);
    }

    public async Task<ImagePruneResult> PruneAsync(IReadOnlyDictionary<string, IReadOnlyList<string>> filters, CancellationToken cancellationToken)
    {
        foreach (var key in filters.Keys)
            if (key is not ("dangling" or "label"))
                throw EngineException.Invalid($"invalid filter '{key}'");
        // As Docker: without a dangling filter only dangling images go; dangling=false takes every unused image.
        var danglingOnly = !filters.TryGetValue("dangling", out var d) || d.Count == 0 || d.Any(v => v is "true" or "1");
        var records = new List<ImageDeleteResult>();
        long freed = 0;
        await _mutex.WaitAsync(cancellationToken);
        try
        {
            var usages = services.GetServices<IImageUsage>().ToList();
            foreach (var image in store.All())
            {
                // Gone with a child already, or a step another image was built on (it goes with its last child).
                if (store.ById(image.Id) is null || store.All().Any(i => i.Parent == image.Id)) continue;
                if (danglingOnly && image.RepoTags.Count > 0) continue;
                if (filters.TryGetValue("label", out var labels) && !ImageFilters.Labels(labels, image)) continue;
                if (usages.Any(u => u.ContainersUsing(image.Id).Count > 0)) continue;
                foreach (var name in image.RepoTags.Concat(image.RepoDigests))
                {
                    store.RemoveReference(name);
                    records.Add(new ImageDeleteResult(ImageReference.Parse(name).FamiliarString, null));
                    Publish("untag", image.Id, ImageReference.Parse(name).FamiliarString);
                }
                freed += await DeleteImageAsync(image, noPrune: false, records, cancellationToken);
                Publish("delete", image.Id, image.Id);
            }
        }
        finally
        {
            _mutex.Release();
        }
        return new ImagePruneResult(records, freed);
    }

    /// <summary>Removes the manifest and layer blobs of a deleted image that no remaining image's manifest names.</summary>
    private void DeleteUnreferencedBlobs(string? manifest)
    {
        if (manifest is null || !Digest.TryParse(manifest, out var manifestDigest) || !content.Exists(manifestDigest)) return;
        var candidates = new HashSet<string>(ManifestBlobs(manifestDigest)) { manifest };
        foreach (var other in store.All())
        {
            if (store.StoredById(other.Id)?.Manifest is not { } m || !Digest.TryParse(m, out var d) || !content.Exists(d)) continue;
            candidates.Remove(m);
            foreach (var blob in ManifestBlobs(d)) candidates.Remove(blob);
        }
        foreach (var blob in candidates) DeleteUnlessHeld(Digest.Parse(blob));
    }

    /// <summary>Deletes a blob unless another holder (the built-in registry) still serves it — the config blob included.</summary>
    private void DeleteUnlessHeld(Digest blob)
    {
        var holders = services.GetService(typeof(IEnumerable<Distribution.IContentHolder>)) as IEnumerable<Distribution.IContentHolder> ?? [];
        if (!holders.Any(h => h.Holds(blob))) content.Delete(blob);
    }

    /// <summary>The config and layer digests a stored manifest names.</summary>
    private IEnumerable<string> ManifestBlobs(Digest manifest)
    {
        using var s = content.OpenRead(manifest);
        var parsed = System.Text.Json.JsonSerializer.Deserialize<ManifestDocument>(s, ImageJson.Options);
        if (parsed?.Config is { } c) yield return c.Digest;
        foreach (var l in parsed?.Layers ?? []) yield return l.Digest;
    }

    /// <summary>Whether the user named the image by (a prefix of) its id rather than by a name.</summary>
    private static bool IsIdPrefix(string id, string given) =>
        id.StartsWith(given, StringComparison.Ordinal) || id[Digest.Sha256Prefix.Length..].StartsWith(given, StringComparison.Ordinal);

    /// <summary>At most one tag and every name in one repository: rmi by id may untag them all without force.</summary>
    private static bool IsSingleReference(IReadOnlyList<string> names)
    {
        var parsed = names.Select(ImageReference.Parse).ToList();
        return parsed.Count(p => p.Tag is not null) <= 1 && parsed.Select(p => p.Name).Distinct().Count() <= 1;
    }

    private static string Short(string containerId) => containerId.Length > 12 ? containerId[..12] : containerId;
}
