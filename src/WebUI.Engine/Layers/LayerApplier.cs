using System.Formats.Tar;
using System.Text;
using Microsoft.Extensions.Logging;
using WebUI.Engine.Content;
using WebUI.Engine.Errors;
using WebUI.Engine.Linux;

namespace WebUI.Engine.Layers;

/// <summary>
/// Unpacks a layer tar (plain, gzip or zstd) into a directory, streaming, converting OCI whiteouts to overlayfs ones.
/// Nothing may land outside the root: ".." and absolute names are refused, every parent directory is checked with
/// lstat and a symlinked parent is refused, hard links must point inside the root. The caller owns the directory and
/// removes it when this throws (see <see cref="Snapshots.OverlaySnapshotter.CommitAsync"/>).
/// </summary>
internal sealed partial class LayerApplier(ILogger<LayerApplier> logger)
{
    private const string WhiteoutPrefix = ".wh.";
    private const string OpaqueWhiteout = ".wh..wh..opq";
    private const string PaxXattrPrefix = "SCHILY.xattr.";

    /// <summary>Applies <paramref name="layer"/> under <paramref name="root"/>; rejects it when its diff id differs from <paramref name="expectedDiffId"/>.</summary>
    public async Task<LayerApplyResult> ApplyAsync(Stream layer, string root, Digest? expectedDiffId, CancellationToken cancellationToken)
    {
        root = Path.GetFullPath(root);
        Directory.CreateDirectory(root);
        var (tarStream, mediaType) = await Decompression.OpenWithTypeAsync(layer, cancellationToken);
        await using var _ = tarStream;
        await using var hashing = new HashingReadStream(tarStream);
        var directoryTimes = new List<(string Path, DateTimeOffset Mtime)>();
        long size = 0;
        var entries = 0;
        try
        {
            await using var reader = new TarReader(hashing, leaveOpen: true);
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                entries++;
                // git archive and some tools write a global PAX header first: it describes the archive, not a file.
                if (entry.EntryType == TarEntryType.GlobalExtendedAttributes) continue;
                try
                {
                    size += await ApplyEntryAsync(entry, root, directoryTimes, cancellationToken);
                }
                catch (Exception e) when (e is (IOException and not EndOfStreamException) or UnauthorizedAccessException or LinuxException)
                {
                    // Not the layer's fault as such (disk full, no privilege for mknod...), but say which entry failed.
                    throw new EngineException(ErrorKind.Internal, $"applying layer entry \"{entry.Name}\": {e.Message}", e);
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException or ArgumentException)
        {
            throw EngineException.Invalid($"invalid layer tar (after {entries} entries): {e.Message}");
        }
        catch (ZstdSharp.ZstdException e)
        {
            throw EngineException.Invalid($"invalid compressed layer: {e.Message}");
        }

        // Writing into a directory changes its mtime, so directory times are set last, deepest first.
        for (var i = directoryTimes.Count - 1; i >= 0; i--)
            Sys.lutimes(directoryTimes[i].Path, directoryTimes[i].Mtime, directoryTimes[i].Mtime);

        var diffId = Digest.FromHash(await hashing.FinishAsync(cancellationToken));
        if (expectedDiffId is { } want && want != diffId)
            throw EngineException.Invalid($"layer diff id mismatch: expected {want}, got {diffId}");
        LogApplied(logger, diffId.ToString(), entries, size);
        return new LayerApplyResult(diffId, size, mediaType);
    }

    private static async Task<long> ApplyEntryAsync(TarEntry entry, string root, List<(string, DateTimeOffset)> directoryTimes, CancellationToken cancellationToken)
    {
        var relative = CleanName(entry.Name);
        if (relative.Length == 0)
        {
            // The root itself ("./"): take its metadata, it is a directory by definition.
            if (entry.EntryType == TarEntryType.Directory) SetMetadata(entry, root, directoryTimes);
            return 0;
        }
        var target = Path.Combine(root, relative);
        var parent = Path.GetDirectoryName(target)!;
        var baseName = Path.GetFileName(target);
        EnsureParents(root, parent, entry.Name);

        if (baseName == OpaqueWhiteout)
        {
            Sys.lsetxattr(parent, "trusted.overlay.opaque", "y"u8.ToArray());
            return 0;
        }
        if (baseName.StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
        {
            var hidden = Path.Combine(parent, baseName[WhiteoutPrefix.Length..]);
            RemoveExisting(hidden, keepDirectory: false);
            Sys.mknod(hidden, Sys.S_IFCHR, Sys.makedev(0, 0));
            return 0;
        }

        RemoveExisting(target, keepDirectory: entry.EntryType == TarEntryType.Directory);
        long written = 0;
        switch (entry.EntryType)
        {
            case TarEntryType.Directory:
                Directory.CreateDirectory(target);
                break;
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                // CreateNew is O_CREAT|O_EXCL: it never follows a symlink at the final component.
                await using (var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
                {
                    if (entry.DataStream is { } data) await data.CopyToAsync(output, cancellationToken);
                    written = output.Length;
                }
                break;
            case TarEntryType.SymbolicLink:
                // The link may point anywhere: it is never written through (parents are lstat-checked, files use O_EXCL).
                File.CreateSymbolicLink(target, entry.LinkName);
                break;
            case TarEntryType.HardLink:
                var linkRelative = CleanName(entry.LinkName);
                if (linkRelative.Length == 0) throw Escape(entry.Name, $"hard link to \"{entry.LinkName}\" points outside the layer");
                var linkTarget = Path.Combine(root, linkRelative);
                EnsureParents(root, Path.GetDirectoryName(linkTarget)!, entry.LinkName, create: false);
                if (!File.Exists(linkTarget) && !IsSymlink(linkTarget))
                    throw EngineException.Invalid($"invalid layer: hard link \"{entry.Name}\" to \"{entry.LinkName}\", which is not in the layer");
                Sys.link(linkTarget, target);
                return 0;
            case TarEntryType.CharacterDevice when entry is PosixTarEntry device:
                Sys.mknod(target, Sys.S_IFCHR | (uint)entry.Mode, Sys.makedev((uint)device.DeviceMajor, (uint)device.DeviceMinor));
                break;
            case TarEntryType.BlockDevice when entry is PosixTarEntry device:
                Sys.mknod(target, Sys.S_IFBLK | (uint)entry.Mode, Sys.makedev((uint)device.DeviceMajor, (uint)device.DeviceMinor));
                break;
            case TarEntryType.Fifo:
                Sys.mknod(target, Sys.S_IFIFO | (uint)entry.Mode, 0);
                break;
            default:
                throw EngineException.Invalid($"invalid layer: tar entry \"{entry.Name}\" has unsupported type {entry.EntryType}");
        }
        SetMetadata(entry, target, directoryTimes);
        return written;
    }

    private static void SetMetadata(TarEntry entry, string path, List<(string, DateTimeOffset)> directoryTimes)
    {
        Sys.lchown(path, entry.Uid, entry.Gid);
        var isLink = entry.EntryType == TarEntryType.SymbolicLink;
        // chmod after chown: chown clears setuid/setgid bits.
        if (!isLink) Sys.chmod(path, (uint)entry.Mode & 0xfff);
        if (entry is PaxTarEntry pax)
        {
            foreach (var (key, value) in pax.ExtendedAttributes)
            {
                if (!key.StartsWith(PaxXattrPrefix, StringComparison.Ordinal)) continue;
                Sys.lsetxattr(path, key[PaxXattrPrefix.Length..], Encoding.UTF8.GetBytes(value));
            }
        }
        if (entry.EntryType == TarEntryType.Directory) directoryTimes.Add((path, entry.ModificationTime));
        else Sys.lutimes(path, entry.ModificationTime, entry.ModificationTime);
    }

    /// <summary>Normalizes a tar name to a root-relative path; refuses absolute names and any ".." component.</summary>
    internal static string CleanName(string name)
    {
        if (name.StartsWith('/')) throw Escape(name, "absolute path");
        var parts = new List<string>();
        foreach (var part in name.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..") throw Escape(name, "path contains \"..\"");
            if (part.Contains('\0')) throw Escape(name, "NUL in name");
            parts.Add(part);
        }
        return string.Join('/', parts);
    }

    /// <summary>Creates missing parents of an entry and refuses to go through anything that is not a real directory.</summary>
    private static void EnsureParents(string root, string parent, string entryName, bool create = true)
    {
        if (parent.Length < root.Length) throw Escape(entryName, "outside the layer root");
        var current = root;
        var rest = parent[root.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var component in rest)
        {
            current = Path.Combine(current, component);
            var info = new DirectoryInfo(current);
            if (info.LinkTarget is not null || (info.Attributes != (FileAttributes)(-1) && info.Attributes.HasFlag(FileAttributes.ReparsePoint)))
                throw Escape(entryName, $"parent \"{current[root.Length..]}\" is a symlink");
            if (info.Exists) continue;
            if (File.Exists(current)) throw Escape(entryName, $"parent \"{current[root.Length..]}\" is not a directory");
            if (!create) return;
            Directory.CreateDirectory(current);
        }
    }

    private static bool IsSymlink(string path) => new FileInfo(path).LinkTarget is not null;

    private static void RemoveExisting(string path, bool keepDirectory)
    {
        if (IsSymlink(path) || File.Exists(path))
        {
            File.Delete(path);
            return;
        }
        if (Directory.Exists(path) && !keepDirectory) Directory.Delete(path, recursive: true);
        // Device nodes and fifos are neither files nor directories to the BCL.
        else if (!Directory.Exists(path) && new FileInfo(path).Attributes != (FileAttributes)(-1)) File.Delete(path);
    }

    private static EngineException Escape(string name, string why) =>
        EngineException.Invalid($"invalid layer: tar entry \"{name}\" would escape the layer root ({why})");
}
