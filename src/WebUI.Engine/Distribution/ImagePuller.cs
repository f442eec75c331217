using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebUI.Engine.Content;
using WebUI.Engine.Errors;
using WebUI.Engine.Images;
using WebUI.Engine.Layers;
using WebUI.Engine.References;
using WebUI.Engine.Snapshots;

namespace WebUI.Engine.Distribution;

/// <summary>
/// docker pull. Manifest (an index resolves to the wanted platform) → config → layers: missing blobs download in
/// parallel straight into the content store (verified against digest and size, cut off past the declared size,
/// retried on network failures); each layer unpacks as soon as it and its parent are ready, checked against its diff id;
/// the image is registered last. An interrupted pull leaves verified blobs and committed layers for the next one.
/// </summary>
internal sealed partial class ImagePuller(
    RegistrySessions sessions,
    IContentStore content,
    LocalContentStore localContent,
    OverlaySnapshotter snapshots,
    LayerApplier applier,
    ImageService images,
    ImageStore imageStore,
    LayerBlobIndex layerBlobs,
    PulledManifests pulledManifests,
    IOptions<DistributionOptions> options,
    ILogger<ImagePuller> logger)
{
    public async Task<PullResult> PullAsync(string referenceText, string? platformText, RegistryCredentials credentials, IProgress<DistributionProgress> progress, CancellationToken cancellationToken)
    {
        var reference = ImageReference.Parse(referenceText).WithDefaultTag();
        var platform = PlatformSelector.Parse(platformText);
        var client = await sessions.OpenAsync(reference, credentials, push: false, cancellationToken);
        var tagOrDigest = reference.Digest?.Value ?? reference.Tag!;
        // The manifest the reference names; by digest it must hash to that digest. Failing here is a plain error status.
        VerifiedManifest top;
        try
        {
            top = await FetchManifestAsync(client, tagOrDigest, reference.Digest, cancellationToken);
        }
        catch (EngineException e) when (e.Kind == ErrorKind.Forbidden)
        {
            // Registries answer "unauthorized" for repositories that do not exist too; Docker words it so.
            throw new EngineException(ErrorKind.NotFound, $"pull access denied for {reference.Repository.FamiliarName}, repository does not exist or may require 'docker login': {e.Message}");
        }
        progress.Report(new DistributionProgress($"Pulling from {reference.Path}", reference.Digest?.Value ?? reference.Tag));
        var image = top;
        if (top.Manifest.IsIndex)
        {
            var entry = PlatformSelector.Select(top.Manifest.Manifests!, platform)
                ?? throw EngineException.NotFound($"no matching manifest for {PlatformSelector.Format(platform)} in the manifest list entries");
            image = await FetchManifestAsync(client, entry.Digest, Digest.Parse(entry.Digest), cancellationToken);
            if (image.Manifest.IsIndex) throw EngineException.Invalid($"manifest {entry.Digest} for {PlatformSelector.Format(platform)} is an index, not an image");
        }
        var manifest = image.Manifest;

        var (configBytes, configDigest, spec) = await FetchConfigAsync(client, manifest.Config!, cancellationToken);
        var layers = manifest.Layers ?? [];
        var diffIds = spec.RootFs.DiffIds.Select(d => Digest.TryParse(d, out var p) ? p : throw EngineException.Invalid($"image config {configDigest}: invalid diff id \"{d}\"")).ToList();
        if (diffIds.Count != layers.Count)
            throw EngineException.Invalid($"image config {configDigest} lists {diffIds.Count} diff ids but the manifest has {layers.Count} layers");
        var chainIds = ChainId.Compute(diffIds).Select(c => c.Value).ToList();
        var repository = reference.Name;

        var fetched = await FetchLayersAsync(client, layers, diffIds, chainIds, progress, cancellationToken);
        for (var i = 0; i < layers.Count; i++) layerBlobs.Record(diffIds[i], layers[i], repository);
        await pulledManifests.RecordAsync(configDigest, image.Bytes, manifest.ResolvedMediaType, cancellationToken);

        var names = new List<string> { reference.Repository.WithDigest(top.Digest).ToString() };
        // "name:tag@digest" pulls by digest, as Docker does: the tag is not (re)pointed.
        var tagged = reference.Tag is not null && reference.Digest is null;
        if (tagged) names.Insert(0, reference.ToString());
        var upToDate = !fetched && imageStore.StoredById(configDigest.Value) is not null &&
                       (!tagged || imageStore.Resolve(reference.ToString()) == configDigest.Value);
        // The image keeps the manifest it came with when that is an OCI one; for Docker's schema2 an OCI one is written over the same blobs.
        var oci = manifest.ResolvedMediaType == MediaTypes.OciManifest;
        var blobs = layers.Select(l => new Descriptor { MediaType = OciLayerType(l.MediaType), Digest = l.Digest, Size = l.Size }).ToList();
        var (id, _) = await images.RegisterPulledAsync(configBytes, configDigest, oci ? image.Bytes : null, blobs, spec, chainIds, names, cancellationToken);

        progress.Report(new DistributionProgress($"Digest: {top.Digest}"));
        progress.Report(new DistributionProgress(upToDate
            ? $"Status: Image is up to date for {reference.FamiliarString}"
            : $"Status: Downloaded newer image for {reference.FamiliarString}"));
        LogPulled(logger, reference.ToString(), top.Digest.Value, id);
        return new PullResult(id, top.Digest.Value, !upToDate);
    }

    private static string OciLayerType(string mediaType) => mediaType switch
    {
        MediaTypes.DockerLayerGzip => MediaTypes.OciLayerGzip,
        MediaTypes.DockerLayerZstd => MediaTypes.OciLayerZstd,
        MediaTypes.DockerForeignLayerGzip => MediaTypes.OciLayerNonDistributableGzip,
        _ => mediaType,
    };

    private static async Task<VerifiedManifest> FetchManifestAsync(RegistryClient client, string reference, Digest? expected, CancellationToken cancellationToken)
    {
        var m = await client.GetManifestAsync(reference, cancellationToken);
        if (expected is { } want && m.Digest != want)
            throw EngineException.Invalid($"manifest verification failed for digest {want}: the registry sent content with digest {m.Digest}");
        return new VerifiedManifest(ManifestParser.Parse(m.Bytes, m.ContentType), m.Digest, m.Bytes);
    }

    private async Task<(byte[], Digest, ImageSpec)> FetchConfigAsync(RegistryClient client, Descriptor config, CancellationToken cancellationToken)
    {
        var digest = Digest.Parse(config.Digest);
        if (config.Size > ManifestParser.MaxManifestBytes * 2L) throw EngineException.Invalid($"image config {digest} is too large ({config.Size} bytes)");
        if (!content.Exists(digest)) await DownloadAsync(client, config, null, cancellationToken);
        byte[] bytes;
        await using (var s = content.OpenRead(digest))
        using (var ms = new MemoryStream())
        {
            await s.CopyToAsync(ms, cancellationToken);
            bytes = ms.ToArray();
        }
        try
        {
            return (bytes, digest, JsonSerializer.Deserialize<ImageSpec>(bytes, ImageJson.Options) ?? throw new JsonException("empty"));
        }
        catch (JsonException e)
        {
            throw EngineException.Invalid($"invalid image config {digest}: {e.Message}");
        }
    }

    /// <summary>
    /// Unpacks the missing layers. Each one streams in a single pass (download, store, decompress, unpack into a
    /// private directory, verify digest, size and diff id), several at once; they become snapshots in order, each by a
    /// rename once its parent is committed. A blob already in the content store is unpacked from there. On any failure
    /// every private directory is removed. Returns whether anything was unpacked.
    /// </summary>
    private async Task<bool> FetchLayersAsync(RegistryClient client, IReadOnlyList<Descriptor> layers, IReadOnlyList<Digest> diffIds, IReadOnlyList<string> chainIds, IProgress<DistributionProgress> progress, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var gate = new SemaphoreSlim(Math.Max(1, options.Value.MaxConcurrentDownloads));
        var prepared = new Task<PreparedLayer>?[layers.Count];
        for (var i = 0; i < layers.Count; i++)
        {
            var id = Digest.Parse(layers[i].Digest).Short;
            if (snapshots.Exists(chainIds[i]))
            {
                progress.Report(new DistributionProgress("Already exists", id));
                continue;
            }
            progress.Report(new DistributionProgress("Pulling fs layer", id));
            prepared[i] = PrepareGatedAsync(client, layers[i], diffIds[i], gate, progress, cts.Token);
        }

        var unpacked = false;
        try
        {
            for (var i = 0; i < layers.Count; i++)
            {
                if (prepared[i] is not { } task) continue;
                var layer = await task;
                var chainId = chainIds[i];
                await snapshots.CommitAsync(chainId, i == 0 ? null : chainIds[i - 1], (dir, _) =>
                {
                    Directory.Delete(dir);
                    Directory.Move(layer.Dir, dir);
                    return Task.FromResult((chainId, layer.Size));
                }, cts.Token);
                progress.Report(new DistributionProgress("Pull complete", Digest.Parse(layers[i].Digest).Short));
                unpacked = true;
            }
        }
        catch
        {
            await cts.CancelAsync();
            throw;
        }
        finally
        {
            // Whatever was not moved into a snapshot (a failure, a layer another pull committed first) goes.
            foreach (var task in prepared)
            {
                if (task is null) continue;
                try
                {
                    var layer = await task;
                    if (Directory.Exists(layer.Dir)) Directory.Delete(layer.Dir, recursive: true);
                }
                catch (Exception) { /* its own failure was reported or superseded */ }
            }
        }
        return unpacked;
    }

    private async Task<PreparedLayer> PrepareGatedAsync(RegistryClient client, Descriptor layer, Digest diffId, SemaphoreSlim gate, IProgress<DistributionProgress> progress, CancellationToken cancellationToken)
    {
        var digest = Digest.Parse(layer.Digest);
        if (!gate.Wait(0))
        {
            progress.Report(new DistributionProgress("Waiting", digest.Short));
            await gate.WaitAsync(cancellationToken);
        }
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var dir = Path.Combine(images.TempDir, "pull-" + Guid.NewGuid().ToString("N")[..12]);
                Directory.CreateDirectory(dir);
                try
                {
                    var size = content.Exists(digest)
                        ? await UnpackStoredAsync(layer, diffId, dir, progress, cancellationToken)
                        : await StreamLayerAsync(client, layer, diffId, dir, progress, cancellationToken);
                    return new PreparedLayer(dir, size);
                }
                catch (Exception e) when (TransientFailure.Is(e) && attempt < options.Value.MaxAttempts && !cancellationToken.IsCancellationRequested)
                {
                    Directory.Delete(dir, recursive: true);
                    LogRetry(logger, digest.Value, attempt, e.Message);
                    progress.Report(new DistributionProgress($"Retrying in {attempt} second{(attempt == 1 ? "" : "s")}", digest.Short));
                    await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
                }
                catch
                {
                    Directory.Delete(dir, recursive: true);
                    throw;
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<long> UnpackStoredAsync(Descriptor layer, Digest diffId, string dir, IProgress<DistributionProgress> progress, CancellationToken cancellationToken)
    {
        var digest = Digest.Parse(layer.Digest);
        progress.Report(new DistributionProgress("Download complete", digest.Short));
        await using var blob = content.OpenRead(digest);
        await using var reading = new ProgressReadStream(blob, n => progress.Report(new DistributionProgress("Extracting", digest.Short, n, layer.Size)));
        return (await applier.ApplyAsync(reading, dir, diffId, cancellationToken)).Size;
    }

    /// <summary>One pass over the network stream: stored (digest and size verified), decompressed, unpacked into <paramref name="dir"/> and checked against the diff id.</summary>
    private async Task<long> StreamLayerAsync(RegistryClient client, Descriptor layer, Digest diffId, string dir, IProgress<DistributionProgress> progress, CancellationToken cancellationToken)
    {
        var digest = Digest.Parse(layer.Digest);
        using var response = await client.GetBlobAsync(digest, cancellationToken);
        if (response.Content.Headers.ContentLength is { } length && length != layer.Size)
            throw EngineException.Invalid($"blob {digest}: the registry announced {length} bytes, the manifest says {layer.Size}");
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using var counted = new ProgressReadStream(body,
            n => progress.Report(new DistributionProgress("Downloading", digest.Short, n, layer.Size)), layer.Size);
        await using var writer = localContent.BeginWrite();
        await using var tee = new TeeReadStream(counted, writer);
        LayerApplyResult applied;
        try
        {
            applied = await applier.ApplyAsync(tee, dir, diffId, cancellationToken);
        }
        catch (Exception e) when (e is EngineException { Kind: ErrorKind.InvalidArgument } or InvalidDataException or ZstdSharp.ZstdException)
        {
            // A layer that does not unpack may simply be the wrong bytes: the digest is the clearer answer.
            await tee.DrainAsync(cancellationToken);
            await writer.CommitAsync(digest, layer.Size, cancellationToken);
            if (e is EngineException) throw;
            throw EngineException.Invalid($"invalid layer {digest}: {e.Message}");
        }
        await tee.DrainAsync(cancellationToken);
        progress.Report(new DistributionProgress("Verifying Checksum", digest.Short));
        await writer.CommitAsync(digest, layer.Size, cancellationToken);
        progress.Report(new DistributionProgress("Download complete", digest.Short));
        return applied.Size;
    }

    /// <summary>Streams one blob into the content store, verified against the descriptor's digest and size; retries network failures.</summary>
    private async Task DownloadAsync(RegistryClient client, Descriptor blob, IProgress<DistributionProgress>? progress, CancellationToken cancellationToken)
    {
        var digest = Digest.Parse(blob.Digest);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var response = await client.GetBlobAsync(digest, cancellationToken);
                if (response.Content.Headers.ContentLength is { } length && length != blob.Size)
                    throw EngineException.Invalid($"blob {digest}: the registry announced {length} bytes, the manifest says {blob.Size}");
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                await using var counted = new ProgressReadStream(body,
                    n => progress?.Report(new DistributionProgress("Downloading", digest.Short, n, blob.Size)));
                await content.IngestAsync(counted, digest, blob.Size, cancellationToken);
                return;
            }
            catch (Exception e) when (TransientFailure.Is(e) && attempt < options.Value.MaxAttempts && !cancellationToken.IsCancellationRequested)
            {
                LogRetry(logger, digest.Value, attempt, e.Message);
                progress?.Report(new DistributionProgress($"Retrying in {attempt} second{(attempt == 1 ? "" : "s")}", digest.Short));
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
            }
        }
    }
}
