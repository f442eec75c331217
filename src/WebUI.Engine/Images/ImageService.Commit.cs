using System.Text.Json;
using WebUI.Engine.Commit;
using WebUI.Engine.Content;
using WebUI.Engine.Distribution;
using WebUI.Engine.Errors;
using WebUI.Engine.References;

namespace WebUI.Engine.Images;

// Images made here rather than imported: docker commit and each build step.
internal sealed partial class ImageService
{
    /// <summary>
    /// Registers an image on top of <paramref name="parent"/> (null: no layers) with <paramref name="spec"/> as its
    /// configuration; its rootfs becomes the parent's diff ids plus <paramref name="layer"/>'s (already committed).
    /// The parent's layer blobs are reused in the new manifest. Names in <paramref name="tags"/> are checked before anything is stored.
    /// </summary>
    public async Task<ImageRecord> RegisterChildAsync(ImageRecord? parent, ImageSpec spec, CommittedLayer? layer, IReadOnlyList<string> tags, string action, CancellationToken cancellationToken)
    {
        var names = tags.Select(ParseTagTarget).ToList();
        await _mutex.WaitAsync(cancellationToken);
        try
        {
            var blobs = parent is null ? [] : await LayerBlobsAsync(parent, cancellationToken);
            var chainIds = new List<string>(parent?.ChainIds ?? []);
            spec.RootFs = new RootFs { DiffIds = [.. parent?.Spec.RootFs.DiffIds ?? []] };
            if (layer is not null)
            {
                spec.RootFs.DiffIds.Add(layer.DiffId);
                chainIds.Add(layer.ChainId);
                blobs.Add(layer.Blob);
            }
            var bytes = JsonSerializer.SerializeToUtf8Bytes(spec, ImageJson.Options);
            var id = await RegisterAsync(bytes, null, null, blobs, spec, chainIds, cancellationToken, parent?.Id);
            var now = time.GetUtcNow();
            foreach (var name in names)
            {
                store.SetReference(name.ToString(), id, now);
                Publish("tag", id, name.FamiliarString);
            }
            if (action.Length > 0) Publish(action, id, names.Count > 0 ? names[0].FamiliarString : id);
            return store.ById(id)!;
        }
        finally
        {
            _mutex.Release();
        }
    }

    /// <summary>Checks a name docker commit or build would tag with, without storing anything.</summary>
    public static void ValidateTag(string name) => ParseTagTarget(name);

    private async Task<List<Descriptor>> LayerBlobsAsync(ImageRecord image, CancellationToken cancellationToken)
    {
        if (image.ChainIds.Count == 0) return [];
        if (store.StoredById(image.Id)?.Manifest is not { } m || !Digest.TryParse(m, out var md) || !content.Exists(md))
            throw EngineException.Precondition($"image {Digest.Parse(image.Id).Short} was stored without its layer blobs: load or import it again");
        await using var s = content.OpenRead(md);
        var manifest = await JsonSerializer.DeserializeAsync<ManifestDocument>(s, ImageJson.Options, cancellationToken)
            ?? throw EngineException.Precondition($"manifest {md} is empty");
        return [.. manifest.Layers ?? []];
    }
}
