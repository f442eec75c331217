using WebUI.Engine.Content;
using WebUI.Engine.Distribution;
using WebUI.Engine.Images;
using WebUI.Engine.Layers;
using WebUI.Engine.Snapshots;

namespace WebUI.Engine.Commit;

/// <summary>
/// Turns a directory of changes (a container's upper directory, or a layer the builder wrote) into a layer:
/// a gzip blob in the content store (diff id hashed from the uncompressed tar on the way) and a committed snapshot
/// keyed by the new chain id. The snapshot either takes the directory itself (rename, when its owner is going away)
/// or is unpacked from the blob, so a container that lives on keeps its files.
/// </summary>
internal sealed class LayerCommitter(LocalContentStore content, OverlaySnapshotter snapshots, LayerApplier applier)
{
    /// <param name="directory">The changes, in overlay's format (whiteouts as 0:0 character devices).</param>
    /// <param name="parentChainId">The chain id of the layer below, or null for a first layer.</param>
    /// <param name="takeDirectory">Rename <paramref name="directory"/> into the snapshot instead of unpacking the blob again; the directory is gone afterwards.</param>
    /// <param name="skipWhenEmpty">Paths (relative, no leading slash) left out while they are empty: a container's mount points.</param>
    public async Task<CommittedLayer> CommitAsync(string directory, string? parentChainId, bool takeDirectory, IReadOnlySet<string>? skipWhenEmpty, CancellationToken cancellationToken)
    {
        CommittedLayer? layer = null;
        await snapshots.CommitAsync(null, parentChainId, async (fs, ct) =>
        {
            Digest diffId;
            long size;
            ContentInfo info;
            await using (var writer = content.BeginWrite())
            {
                await using (var blob = new ContentWriterStream(writer))
                    (diffId, size) = await LayerDiff.WriteGzipAsync(directory, blob, skipWhenEmpty, ct);
                info = await writer.CommitAsync(null, null, ct);
            }
            var chainId = parentChainId is null ? diffId.Value : Digest.Of(parentChainId + " " + diffId).Value;
            if (takeDirectory)
            {
                Directory.Delete(fs);
                Directory.Move(directory, fs);
                if (skipWhenEmpty is not null) RemoveSkipped(fs, skipWhenEmpty);
            }
            else
            {
                await using var stored = content.OpenRead(info.Digest);
                await applier.ApplyAsync(stored, fs, diffId, ct);
            }
            layer = new CommittedLayer(chainId, diffId.Value, new Descriptor { MediaType = Decompression.GzipMediaType, Digest = info.Digest.Value, Size = info.Size }, size);
            return (chainId, size);
        }, cancellationToken);
        return layer!;
    }

    private static void RemoveSkipped(string fs, IReadOnlySet<string> skip)
    {
        // Deepest first, so /dev/shm goes before /dev is judged empty.
        foreach (var rel in skip.OrderByDescending(p => p.Length))
        {
            var path = Path.Combine(fs, rel);
            var info = new FileInfo(path);
            if (info.LinkTarget is not null) continue;
            if (info.Exists && info.Length == 0) File.Delete(path);
            else if (Directory.Exists(path) && !Directory.EnumerateFileSystemEntries(path).Any()) Directory.Delete(path);
        }
    }
}
