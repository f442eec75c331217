using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using WebUI.Engine.Content;
using WebUI.Engine.Linux;

namespace WebUI.Engine.Distribution;

/// <summary>
/// Packs an unpacked layer (a committed snapshot's fs/) back into a gzip'd tar for push, for layers whose original
/// blob is not in the content store (imported or built here). Entries are sorted so the same layer always packs to
/// the same bytes; overlayfs whiteouts become OCI ones (0/0 character devices → ".wh.name", opaque directories →
/// ".wh..wh..opq"). Returns the digest of the uncompressed tar (the diff id).
/// </summary>
internal static class LayerTarWriter
{
    public static async Task<Digest> WriteGzipAsync(string root, Stream output, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        await using (var hashing = new HashingWriteStream(gzip, hash))
        await using (var tar = new TarWriter(hashing, TarEntryFormat.Pax, leaveOpen: true))
        {
            await WriteDirectoryAsync(tar, root, "", cancellationToken);
        }
        return Digest.FromHash(hash.GetHashAndReset());
    }

    private static async Task WriteDirectoryAsync(TarWriter tar, string dir, string prefix, CancellationToken cancellationToken)
    {
        var children = new DirectoryInfo(dir).EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal);
        foreach (var child in children)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = prefix + child.Name;
            var isDirectory = child is DirectoryInfo && child.LinkTarget is null;
            if (isDirectory)
            {
                await tar.WriteEntryAsync(child.FullName, name + "/", cancellationToken);
                if (Sys.lgetxattr(child.FullName, "trusted.overlay.opaque") is [(byte)'y'])
                    await tar.WriteEntryAsync(Empty(name + "/.wh..wh..opq"), cancellationToken);
                await WriteDirectoryAsync(tar, child.FullName, name + "/", cancellationToken);
            }
            else if (child.LinkTarget is null && child is FileInfo { Length: 0 } && await IsWhiteoutAsync(child.FullName, cancellationToken))
            {
                await tar.WriteEntryAsync(Empty(prefix + ".wh." + child.Name), cancellationToken);
            }
            else
            {
                await tar.WriteEntryAsync(child.FullName, name, cancellationToken);
            }
        }
    }

    /// <summary>Whether an empty file is overlayfs's whiteout, a 0/0 character device (the BCL's tar code knows the file type).</summary>
    private static async Task<bool> IsWhiteoutAsync(string path, CancellationToken cancellationToken)
    {
        using var scratch = new MemoryStream();
        await using (var w = new TarWriter(scratch, TarEntryFormat.Pax, leaveOpen: true))
            await w.WriteEntryAsync(path, "x", cancellationToken);
        scratch.Position = 0;
        await using var r = new TarReader(scratch);
        var entry = await r.GetNextEntryAsync(cancellationToken: cancellationToken);
        return entry is PosixTarEntry { EntryType: TarEntryType.CharacterDevice, DeviceMajor: 0, DeviceMinor: 0 };
    }

    private static PaxTarEntry Empty(string name) => new(TarEntryType.RegularFile, name)
    {
        Mode = UnixFileMode.None,
        ModificationTime = DateTimeOffset.UnixEpoch,
    };
}
