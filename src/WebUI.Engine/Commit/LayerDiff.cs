using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using WebUI.Engine.Content;
using WebUI.Engine.Linux;

namespace WebUI.Engine.Commit;

/// <summary>
/// Writes an overlayfs upper directory (or any layer directory) as an OCI layer tar: entries in ordinal order, each
/// directory before its contents, overlay whiteouts (character device 0:0) as <c>.wh.name</c>, opaque directories
/// (xattr trusted.overlay.opaque=y) followed by <c>.wh..wh..opq</c>, hard links within the layer as link entries.
/// </summary>
internal static class LayerDiff
{
    private const string OpaqueXattr = "trusted.overlay.opaque";

    /// <summary>Files the runtime creates as mount points in a container's upper directory; left out of the diff while empty, as Docker's init layer hides them.</summary>
    public static readonly IReadOnlySet<string> ContainerMountPoints = new HashSet<string>(StringComparer.Ordinal)
    {
        "etc/hosts", "etc/hostname", "etc/resolv.conf", "dev", "proc", "sys", "dev/shm", "dev/pts", "dev/mqueue",
    };

    /// <summary>
    /// Writes the layer tar of <paramref name="root"/> gzip'd (fastest level) to <paramref name="output"/>, which stays
    /// open; returns the digest of the uncompressed tar (the diff id) and the bytes of regular file content it holds.
    /// </summary>
    public static async Task<(Digest DiffId, long Size)> WriteGzipAsync(string root, Stream output, IReadOnlySet<string>? skipWhenEmpty, CancellationToken cancellationToken)
    {
        await using var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true);
        await using var digesting = new DigestingWriteStream(gzip);
        var size = await WriteAsync(root, digesting, skipWhenEmpty, cancellationToken);
        await digesting.FlushAsync(cancellationToken);
        return (digesting.Finish(), size);
    }

    /// <summary>Writes the layer tar of <paramref name="root"/>; returns the bytes of regular file content it holds.</summary>
    public static async Task<long> WriteAsync(string root, Stream output, IReadOnlySet<string>? skipWhenEmpty, CancellationToken cancellationToken)
    {
        root = Path.GetFullPath(root);
        long size = 0;
        var links = new Dictionary<(ulong Dev, ulong Ino), string>();
        await using var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        var stack = new Stack<string>();
        foreach (var child in Children(root).Reverse()) stack.Push(child);
        while (stack.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = stack.Pop();
            var rel = Path.GetRelativePath(root, path).Replace('\\', '/');
            var st = Sys.lstatFull(path);
            var type = st.st_mode & Sys.S_IFMT;
            if (skipWhenEmpty is not null && skipWhenEmpty.Contains(rel) && IsEmpty(path, type, st)) continue;

            if (type == Sys.S_IFCHR && st.st_rdev == 0)
            {
                var dir = Path.GetDirectoryName(rel)!.Replace('\\', '/');
                var name = (dir.Length == 0 ? "" : dir + "/") + ".wh." + Path.GetFileName(rel);
                await tar.WriteEntryAsync(Entry(TarEntryType.RegularFile, name, st, 0, null), cancellationToken);
                continue;
            }

            var xattrs = Xattrs(path);
            switch (type)
            {
                case Sys.S_IFDIR:
                    await tar.WriteEntryAsync(Entry(TarEntryType.Directory, rel + "/", st, st.st_mode & 0xfff, xattrs), cancellationToken);
                    if (Sys.lgetxattr(path, OpaqueXattr) is { } opaque && Encoding.ASCII.GetString(opaque) == "y")
                        await tar.WriteEntryAsync(Entry(TarEntryType.RegularFile, rel + "/.wh..wh..opq", st, 0, null), cancellationToken);
                    foreach (var child in Children(path).Reverse()) stack.Push(child);
                    break;
                case Sys.S_IFREG:
                    if (st.st_nlink > 1 && links.TryGetValue((st.st_dev, st.st_ino), out var first))
                    {
                        var link = Entry(TarEntryType.HardLink, rel, st, st.st_mode & 0xfff, xattrs);
                        link.LinkName = first;
                        await tar.WriteEntryAsync(link, cancellationToken);
                        break;
                    }
                    if (st.st_nlink > 1) links[(st.st_dev, st.st_ino)] = rel;
                    var file = Entry(TarEntryType.RegularFile, rel, st, st.st_mode & 0xfff, xattrs);
                    await using (var data = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
                    {
                        file.DataStream = data;
                        await tar.WriteEntryAsync(file, cancellationToken);
                    }
                    size += st.st_size;
                    break;
                case Sys.S_IFLNK:
                    var symlink = Entry(TarEntryType.SymbolicLink, rel, st, st.st_mode & 0xfff, xattrs);
                    symlink.LinkName = new FileInfo(path).LinkTarget ?? "";
                    await tar.WriteEntryAsync(symlink, cancellationToken);
                    break;
                case Sys.S_IFCHR or Sys.S_IFBLK:
                    var device = Entry(type == Sys.S_IFCHR ? TarEntryType.CharacterDevice : TarEntryType.BlockDevice, rel, st, st.st_mode & 0xfff, xattrs);
                    device.DeviceMajor = (int)Sys.major(st.st_rdev);
                    device.DeviceMinor = (int)Sys.minor(st.st_rdev);
                    await tar.WriteEntryAsync(device, cancellationToken);
                    break;
                case Sys.S_IFIFO:
                    await tar.WriteEntryAsync(Entry(TarEntryType.Fifo, rel, st, st.st_mode & 0xfff, xattrs), cancellationToken);
                    break;
                default:
                    // Sockets cannot be archived (Docker skips them too).
                    break;
            }
        }
        return size;
    }

    private static IEnumerable<string> Children(string dir) =>
        Directory.EnumerateFileSystemEntries(dir, "*", new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false })
            .Order(StringComparer.Ordinal);

    private static bool IsEmpty(string path, uint type, Sys.Stat st) =>
        type == Sys.S_IFREG ? st.st_size == 0 : type == Sys.S_IFDIR && !Directory.EnumerateFileSystemEntries(path).Any();

    private static PaxTarEntry Entry(TarEntryType type, string name, Sys.Stat st, uint mode, Dictionary<string, string>? xattrs)
    {
        var entry = xattrs is { Count: > 0 } ? new PaxTarEntry(type, name, xattrs) : new PaxTarEntry(type, name);
        entry.Uid = (int)st.st_uid;
        entry.Gid = (int)st.st_gid;
        entry.Mode = (UnixFileMode)mode;
        entry.ModificationTime = DateTimeOffset.FromUnixTimeSeconds(st.st_mtim.tv_sec);
        return entry;
    }

    /// <summary>The file's xattrs as PAX records; overlay's own and values that are not text are left out.</summary>
    private static Dictionary<string, string>? Xattrs(string path)
    {
        Dictionary<string, string>? result = null;
        foreach (var name in Sys.llistxattr(path))
        {
            if (name.StartsWith("trusted.overlay.", StringComparison.Ordinal) || name == "security.selinux") continue;
            if (Sys.lgetxattr(path, name) is not { } value) continue;
            string text;
            try { text = new UTF8Encoding(false, true).GetString(value); }
            catch (DecoderFallbackException) { continue; }
            (result ??= new(StringComparer.Ordinal))["SCHILY.xattr." + name] = text;
        }
        return result;
    }
}
