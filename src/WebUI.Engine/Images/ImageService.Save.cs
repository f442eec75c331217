using System.Formats.Tar;
using System.Text.Json;
using System.Text.Json.Nodes;
using WebUI.Engine.Content;
using WebUI.Engine.Distribution;
using WebUI.Engine.Errors;
using WebUI.Engine.References;

namespace WebUI.Engine.Images;

/// <summary>docker save, in the layout docker 25+ writes: OCI blobs/ and index.json plus docker's manifest.json, so both docker load and OCI tools read it.</summary>
internal sealed partial class ImageService
{
    public async Task SaveAsync(IReadOnlyList<string> namesOrIds, Stream output, CancellationToken cancellationToken)
    {
        if (namesOrIds.Count == 0) throw EngineException.Invalid("no images to save");
        // Everything is resolved and checked before the first byte, so a bad name is a clean error.
        var images = new List<(ImageRecord Image, ManifestDocument Manifest, Digest ManifestDigest, List<ImageReference> Tags)>();
        foreach (var name in namesOrIds)
        {
            var id = ResolveId(name);
            var entry = images.FindIndex(i => i.Image.Id == id);
            if (entry < 0)
            {
                var image = store.ById(id)!;
                if (store.StoredById(id)?.Manifest is not { } m || !Digest.TryParse(m, out var md) || !content.Exists(md))
                    throw EngineException.Precondition($"image {Digest.Parse(id).Short} was stored without its layer blobs and cannot be saved: load or import it again");
                await using (var s = content.OpenRead(md))
                {
                    var manifest = await JsonSerializer.DeserializeAsync<ManifestDocument>(s, ImageJson.Options, cancellationToken) ?? throw EngineException.Precondition($"manifest {md} is empty");
                    foreach (var blob in (manifest.Layers ?? []).Append(manifest.Config!))
                        if (!content.Exists(Digest.Parse(blob.Digest)))
                            throw EngineException.Precondition($"image {Digest.Parse(id).Short}: layer blob {blob.Digest} is missing from the content store");
                    images.Add((image, manifest, md, []));
                }
                entry = images.Count - 1;
            }
            if (!IsIdPrefix(id, name) && ImageReference.ParseWithDefaultTag(name) is { Tag: not null, Digest: null } tag && !images[entry].Tags.Contains(tag))
                images[entry].Tags.Add(tag);
        }

        await using var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        var written = new HashSet<Digest>();
        async Task WriteBlobAsync(Digest d)
        {
            if (!written.Add(d)) return;
            await using var data = content.OpenRead(d);
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, "blobs/sha256/" + d.Hex) { DataStream = data, Mode = (UnixFileMode)0x1a4, ModificationTime = DateTimeOffset.UnixEpoch }, cancellationToken);
        }

        var index = new JsonArray();
        var dockerManifest = new JsonArray();
        foreach (var (image, manifest, manifestDigest, tags) in images)
        {
            await WriteBlobAsync(Digest.Parse(image.Id));
            foreach (var layer in manifest.Layers ?? []) await WriteBlobAsync(Digest.Parse(layer.Digest));
            await WriteBlobAsync(manifestDigest);
            var manifestSize = content.Info(manifestDigest).Size;
            if (tags.Count == 0) index.Add(Descriptor(manifestDigest, manifestSize, null));
            foreach (var t in tags) index.Add(Descriptor(manifestDigest, manifestSize, t));
            dockerManifest.Add(new JsonObject
            {
                ["Config"] = "blobs/sha256/" + Digest.Parse(image.Id).Hex,
                ["RepoTags"] = new JsonArray(tags.Select(t => (JsonNode)JsonValue.Create(t.FamiliarString)).ToArray()),
                ["Layers"] = new JsonArray((manifest.Layers ?? []).Select(l => (JsonNode)JsonValue.Create("blobs/sha256/" + Digest.Parse(l.Digest).Hex)).ToArray()),
            });
        }
        await WriteTextAsync(tar, "oci-layout", """{"imageLayoutVersion":"1.0.0"}""", cancellationToken);
        await WriteTextAsync(tar, "index.json", new JsonObject { ["schemaVersion"] = 2, ["mediaType"] = "application/vnd.oci.image.index.v1+json", ["manifests"] = index }.ToJsonString(), cancellationToken);
        await WriteTextAsync(tar, "manifest.json", dockerManifest.ToJsonString(), cancellationToken);
    }

    private static JsonObject Descriptor(Digest manifest, long size, ImageReference? name)
    {
        var d = new JsonObject { ["mediaType"] = ImageManifests.ManifestMediaType, ["digest"] = manifest.Value, ["size"] = size };
        if (name is not null)
            d["annotations"] = new JsonObject { ["io.containerd.image.name"] = name.ToString(), ["org.opencontainers.image.ref.name"] = name.Tag };
        return d;
    }

    private static Task WriteTextAsync(TarWriter tar, string name, string text, CancellationToken cancellationToken) =>
        tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)),
            Mode = (UnixFileMode)0x1a4,
            ModificationTime = DateTimeOffset.UnixEpoch,
        }, cancellationToken);
}
