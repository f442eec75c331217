using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebUI.Engine.Commit;
using WebUI.Engine.Content;
using WebUI.Engine.Errors;
using WebUI.Engine.Images;
using WebUI.Engine.References;
using WebUI.Engine.Snapshots;

namespace WebUI.Engine.Distribution;

/// <summary>
/// docker push. Each layer is sent as the blob it was pulled as (or, for layers made here, packed from its snapshot);
/// blobs the registry has are skipped (HEAD), blobs known in another repository of the same registry are mounted,
/// the rest upload in parallel; then the config and a manifest naming them, under the tag.
/// </summary>
internal sealed partial class ImagePusher(
    RegistrySessions sessions,
    IContentStore content,
    OverlaySnapshotter snapshots,
    ImageService images,
    ImageStore imageStore,
    LayerBlobIndex layerBlobs,
    PulledManifests pulledManifests,
    IOptions<DistributionOptions> options,
    ILogger<ImagePusher> logger)
{
    public async Task<PushResult> PushAsync(string referenceText, RegistryCredentials credentials, IProgress<DistributionProgress> progress, CancellationToken cancellationToken)
    {
        var reference = ImageReference.Parse(referenceText);
        if (reference.Digest is not null) throw EngineException.Invalid("cannot push a digest reference");
        reference = reference.WithDefaultTag();
        ImageRecord image;
        try
        {
            image = await images.GetAsync(reference.ToString(), cancellationToken);
        }
        catch (EngineException e) when (e.Kind == ErrorKind.NotFound)
        {
            throw EngineException.NotFound($"An image does not exist locally with the tag: {reference.Repository.FamiliarName}");
        }
        progress.Report(new DistributionProgress($"The push refers to repository [{reference.Repository.FamiliarName}]"));
        var client = await sessions.OpenAsync(reference, credentials, push: true, cancellationToken);

        var configBytes = await ReadAllAsync(Digest.Parse(image.Id), cancellationToken);
        var diffIds = image.Spec.RootFs.DiffIds.Select(Digest.Parse).ToList();
        if (diffIds.Count != image.ChainIds.Count)
            throw EngineException.Precondition($"image {image.Id} lists {diffIds.Count} diff ids for {image.ChainIds.Count} layers");

        // An image pulled from a registry goes up with the manifest it came with, byte for byte, so its digest stays.
        if (await OriginalManifestAsync(Digest.Parse(image.Id), cancellationToken) is { } original)
            return await PushOriginalAsync(client, reference, image, original.Bytes, original.Manifest, diffIds, progress, cancellationToken);

        // Layers go up top first in Docker's output; the order of the work does not matter.
        var layers = new Descriptor[diffIds.Count];
        var packedDiffIds = diffIds.ToArray();
        using var gate = new SemaphoreSlim(Math.Max(1, options.Value.MaxConcurrentUploads));
        for (var i = diffIds.Count - 1; i >= 0; i--) progress.Report(new DistributionProgress("Preparing", diffIds[i].Short));
        var tasks = Enumerable.Range(0, diffIds.Count).Select(async i =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var (blob, diffId) = await BlobForLayerAsync(image, i, diffIds[i], reference, cancellationToken);
                layers[i] = blob;
                packedDiffIds[i] = diffId;
                await PushBlobAsync(client, blob, diffIds[i].Short, layerBlobs.Find(diffId), reference, progress, cancellationToken);
                layerBlobs.Record(diffId, blob, reference.Name);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        await Task.WhenAll(tasks);

        // A layer packed here may differ bit for bit from the tar it was made from: then the config names the new diff ids.
        var rewritten = !packedDiffIds.SequenceEqual(diffIds);
        if (rewritten)
        {
            configBytes = RewriteDiffIds(configBytes, packedDiffIds);
            LogConfigRewritten(logger, image.Id, Digest.Of(configBytes).Value);
        }
        // Docker's schema2 when every layer fits it (gzip), else OCI; the layer media types follow the manifest's family.
        var oci = layers.Any(l => l.MediaType is not (MediaTypes.DockerLayerGzip or MediaTypes.OciLayerGzip));
        layers = layers.Select(l => l with { MediaType = LayerMediaType(l.MediaType, oci) }).ToArray();
        var configDescriptor = new Descriptor { MediaType = oci ? MediaTypes.OciConfig : MediaTypes.DockerConfig, Digest = Digest.Of(configBytes).Value, Size = configBytes.Length };
        if (!content.Exists(Digest.Parse(configDescriptor.Digest)))
            await content.IngestAsync(new MemoryStream(configBytes, writable: false), Digest.Parse(configDescriptor.Digest), configBytes.Length, cancellationToken);
        await PushBlobAsync(client, configDescriptor, null, [], reference, null, cancellationToken);

        var manifest = new ManifestDocument
        {
            SchemaVersion = 2,
            MediaType = oci ? MediaTypes.OciManifest : MediaTypes.DockerManifest,
            Config = configDescriptor,
            Layers = layers,
        };
        var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestDocument.Json);
        return await PutManifestAsync(client, reference, image, manifestBytes, manifest.MediaType, rewritten, progress, cancellationToken);
    }

    /// <summary>A manifest the image already has whose blobs are all here: one it was pulled with, else the one the image store keeps for it.</summary>
    private async Task<(byte[] Bytes, ManifestDocument Manifest)?> OriginalManifestAsync(Digest config, CancellationToken cancellationToken)
    {
        var candidates = pulledManifests.For(config).ToList();
        if (imageStore.StoredById(config.Value)?.Manifest is { } stored && Digest.TryParse(stored, out var storedDigest) && content.Exists(storedDigest))
            candidates.Add(new PulledManifest(stored, MediaTypes.OciManifest));
        foreach (var entry in candidates)
        {
            var bytes = await ReadAllAsync(Digest.Parse(entry.Digest), cancellationToken);
            var manifest = ManifestParser.Parse(bytes, entry.MediaType);
            if ((manifest.Layers ?? []).All(l => content.Exists(Digest.Parse(l.Digest)))) return (bytes, manifest);
        }
        return null;
    }

    private async Task<PushResult> PushOriginalAsync(RegistryClient client, ImageReference reference, ImageRecord image, byte[] bytes, ManifestDocument manifest,
        IReadOnlyList<Digest> diffIds, IProgress<DistributionProgress> progress, CancellationToken cancellationToken)
    {
        var layers = manifest.Layers ?? [];
        for (var i = layers.Count - 1; i >= 0; i--) progress.Report(new DistributionProgress("Preparing", diffIds[i].Short));
        using var gate = new SemaphoreSlim(Math.Max(1, options.Value.MaxConcurrentUploads));
        await Task.WhenAll(layers.Select(async (layer, i) =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                await PushBlobAsync(client, layer, diffIds[i].Short, layerBlobs.Find(diffIds[i]), reference, progress, cancellationToken);
                layerBlobs.Record(diffIds[i], layer, reference.Name);
            }
            finally
            {
                gate.Release();
            }
        }));
        await PushBlobAsync(client, manifest.Config!, null, [], reference, null, cancellationToken);
        return await PutManifestAsync(client, reference, image, bytes, manifest.ResolvedMediaType, rewritten: false, progress, cancellationToken);
    }

    private async Task<PushResult> PutManifestAsync(RegistryClient client, ImageReference reference, ImageRecord image, byte[] manifestBytes, string mediaType, bool rewritten,
        IProgress<DistributionProgress> progress, CancellationToken cancellationToken)
    {
        var digest = await client.PutManifestAsync(reference.Tag!, manifestBytes, mediaType, cancellationToken);
        if (digest != Digest.Of(manifestBytes).Value)
            throw EngineException.Precondition($"the registry stored manifest {reference.Tag} as {digest}, not {Digest.Of(manifestBytes)}");
        if (!rewritten) imageStore.SetReference(reference.Repository.WithDigest(Digest.Parse(digest)).ToString(), image.Id, DateTimeOffset.UtcNow);

        var result = new PushResult(reference.Tag!, digest, manifestBytes.Length);
        progress.Report(new DistributionProgress($"{reference.Tag}: digest: {digest} size: {manifestBytes.Length}"));
        progress.Report(new DistributionProgress("", Aux: result));
        LogPushed(logger, reference.ToString(), digest);
        return result;
    }

    /// <summary>The blob to send for layer <paramref name="index"/>: the one it was pulled as, else its snapshot packed anew.</summary>
    private async Task<(Descriptor Blob, Digest DiffId)> BlobForLayerAsync(ImageRecord image, int index, Digest diffId, ImageReference target, CancellationToken cancellationToken)
    {
        var known = layerBlobs.Find(diffId);
        var best = known.OrderByDescending(b => b.Repositories.Contains(target.Name)).FirstOrDefault();
        if (best is not null) return (new Descriptor { MediaType = best.MediaType, Digest = best.Digest, Size = best.Size }, diffId);

        var dir = Path.Combine(snapshots.DirectoryOf(image.ChainIds[index]), "fs");
        Directory.CreateDirectory(images.TempDir);
        var temp = Path.Combine(images.TempDir, "push-" + Guid.NewGuid().ToString("N")[..12] + ".tar.gz");
        try
        {
            Digest packed;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
                (packed, _) = await LayerDiff.WriteGzipAsync(dir, file, null, cancellationToken);
            ContentInfo info;
            await using (var file = File.OpenRead(temp))
                info = await content.IngestAsync(file, null, null, cancellationToken);
            var blob = new Descriptor { MediaType = MediaTypes.DockerLayerGzip, Digest = info.Digest.Value, Size = info.Size };
            // Remember the packing under the diff id it really has, so the next push sends the same bytes.
            layerBlobs.Record(packed, blob, null);
            return (blob, packed);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private async Task PushBlobAsync(RegistryClient client, Descriptor blob, string? id, IReadOnlyList<LayerBlob> known, ImageReference target, IProgress<DistributionProgress>? progress, CancellationToken cancellationToken)
    {
        var digest = Digest.Parse(blob.Digest);
        if (await client.BlobExistsAsync(digest, cancellationToken))
        {
            if (id is not null) progress?.Report(new DistributionProgress("Layer already exists", id));
            return;
        }
        // Another repository of the same registry that has the blob: ask for a mount instead of sending it.
        var from = known.Where(b => b.Digest == blob.Digest).SelectMany(b => b.Repositories)
            .Select(r => ImageReference.TryParse(r, out var parsed, out _) ? parsed : null)
            .FirstOrDefault(r => r is not null && r.Domain == target.Domain && r.Path != target.Path);
        var (mounted, uploadUrl) = await client.StartUploadAsync(digest, from?.Path, cancellationToken);
        if (mounted)
        {
            if (id is not null) progress?.Report(new DistributionProgress($"Mounted from {from!.Path}", id));
            return;
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await client.PutBlobAsync(uploadUrl!, digest, () => new ProgressReadStream(content.OpenRead(digest),
                    n => { if (id is not null) progress?.Report(new DistributionProgress("Pushing", id, n, blob.Size)); }), blob.Size, cancellationToken);
                break;
            }
            catch (Exception e) when (TransientFailure.Is(e) && attempt < options.Value.MaxAttempts && !cancellationToken.IsCancellationRequested)
            {
                LogRetry(logger, digest.Value, attempt, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
                (_, uploadUrl) = await client.StartUploadAsync(digest, null, cancellationToken);
            }
        }
        if (id is not null) progress?.Report(new DistributionProgress("Pushed", id));
    }

    private static string LayerMediaType(string mediaType, bool oci) => (mediaType, oci) switch
    {
        (MediaTypes.DockerLayerGzip, true) => MediaTypes.OciLayerGzip,
        (MediaTypes.DockerLayerZstd, true) => MediaTypes.OciLayerZstd,
        (MediaTypes.OciLayerGzip, false) => MediaTypes.DockerLayerGzip,
        _ => mediaType,
    };

    private static byte[] RewriteDiffIds(byte[] config, IReadOnlyList<Digest> diffIds)
    {
        var node = JsonNode.Parse(config) ?? throw EngineException.Invalid("image config is empty");
        node["rootfs"]!["diff_ids"] = new JsonArray(diffIds.Select(d => (JsonNode)JsonValue.Create(d.Value)!).ToArray());
        return JsonSerializer.SerializeToUtf8Bytes(node);
    }

    private async Task<byte[]> ReadAllAsync(Digest digest, CancellationToken cancellationToken)
    {
        await using var s = content.OpenRead(digest);
        using var ms = new MemoryStream();
        await s.CopyToAsync(ms, cancellationToken);
        return ms.ToArray();
    }
}
