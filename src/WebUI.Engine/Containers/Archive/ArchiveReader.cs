using System.Formats.Tar;
using Microsoft.Win32.SafeHandles;
using WebUI.Engine.Errors;
using WebUI.Engine.Linux;

namespace WebUI.Engine.Containers.Archive;

/// <summary>
/// GET/HEAD /containers/{id}/archive: resolves a path inside a container's root with openat2(RESOLVE_IN_ROOT), stats it
/// and writes it as a tar. Children are opened relative to their parent's descriptor without following symlinks,
/// so nothing the container swaps meanwhile makes the engine read a host file.
/// </summary>
internal static class ArchiveReader
{
    private const ulong InRoot = Sys.RESOLVE_IN_ROOT | Sys.RESOLVE_NO_MAGICLINKS;
    private const ulong Child = Sys.RESOLVE_BENEATH | Sys.RESOLVE_NO_SYMLINKS | Sys.RESOLVE_NO_MAGICLINKS;

    /// <summary>Docker's rule: the last component is not followed unless the path ends in "/" or "/.".</summary>
    public static SafeFileHandle Open(SafeFileHandle root, string path, string containerName)
    {
        if (string.IsNullOrEmpty(path)) throw EngineException.Invalid("path is required");
        var follow = path.EndsWith('/') || path.EndsWith("/.", StringComparison.Ordinal);
        try
        {
            return Sys.openat2(root, path, Sys.O_PATH | (follow ? 0 : Sys.O_NOFOLLOW), 0, InRoot);
        }
        catch (LinuxException e) when (e.Errno is Sys.ENOENT or Sys.ENOTDIR)
        {
            throw EngineException.NotFound($"Could not find the file {path} in container {containerName}");
        }
    }

    public static PathStat Stat(SafeFileHandle file, string path)
    {
        var st = Sys.fstat(file);
        var link = "";
        if (st.IsSymlink)
        {
            var target = Sys.readlinkat(file, "");
            var dir = Path.GetDirectoryName(path.TrimEnd('/')) ?? "/";
            link = target.StartsWith('/') ? target : Path.GetFullPath(Path.Combine(dir.Length == 0 ? "/" : dir, target));
        }
        return new PathStat(BaseName(path), st.Size, GoFileMode.From(st), st.ModifiedAt, link);
    }

    /// <summary>The name the archive's entries start with: the path's last component ("." for "dir/.").</summary>
    public static string BaseName(string path)
    {
        var trimmed = path.TrimEnd('/');
        if (trimmed.Length == 0) return "/";
        var slash = trimmed.LastIndexOf('/');
        return slash < 0 ? trimmed : trimmed[(slash + 1)..];
    }

    /// <summary>Writes <paramref name="file"/> (and, for a directory, everything below it) as entries named under <paramref name="name"/>.</summary>
    public static async Task WriteAsync(SafeFileHandle file, string name, Stream output, CancellationToken cancellationToken)
    {
        await using var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        await WriteEntryAsync(tar, file, name == "/" ? "." : name, cancellationToken);
    }

    /// <summary>Adds <paramref name="file"/> and what is below it to an archive being written.</summary>
    public static async Task WriteEntryAsync(TarWriter tar, SafeFileHandle file, string name, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var st = Sys.fstat(file);
        var type = st.Type switch
        {
            StatxResult.S_IFDIR => TarEntryType.Directory,
            StatxResult.S_IFREG => TarEntryType.RegularFile,
            StatxResult.S_IFLNK => TarEntryType.SymbolicLink,
            StatxResult.S_IFIFO => TarEntryType.Fifo,
            StatxResult.S_IFCHR => TarEntryType.CharacterDevice,
            StatxResult.S_IFBLK => TarEntryType.BlockDevice,
            _ => (TarEntryType?)null,
        };
        if (type is null) return; // sockets are not archived (as in Docker)
        var entry = new PaxTarEntry(type.Value, type == TarEntryType.Directory ? name.TrimEnd('/') + "/" : name)
        {
            Mode = (UnixFileMode)(st.Mode & 0xFFF), Uid = (int)st.Uid, Gid = (int)st.Gid, ModificationTime = st.ModifiedAt,
        };
        if (type == TarEntryType.SymbolicLink) entry.LinkName = Sys.readlinkat(file, "");
        if (type is TarEntryType.CharacterDevice or TarEntryType.BlockDevice) { entry.DeviceMajor = (int)st.RdevMajor; entry.DeviceMinor = (int)st.RdevMinor; }
        if (type == TarEntryType.RegularFile)
        {
            using var data = Sys.reopen(file, Sys.O_RDONLY);
            await using var stream = new FileStream(data, FileAccess.Read, 1 << 16);
            entry.DataStream = stream;
            await tar.WriteEntryAsync(entry, cancellationToken);
            return;
        }
        await tar.WriteEntryAsync(entry, cancellationToken);
        if (type != TarEntryType.Directory) return;

        List<string> children;
        using (var dir = Sys.reopen(file, Sys.O_RDONLY | Sys.O_DIRECTORY))
            children = [.. Directory.EnumerateFileSystemEntries(Sys.FdPath(dir)).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
        foreach (var child in children)
        {
            SafeFileHandle handle;
            try { handle = Sys.openat2(file, child, Sys.O_PATH | Sys.O_NOFOLLOW, 0, Child); }
            catch (LinuxException e) when (e.Errno is Sys.ENOENT) { continue; } // removed meanwhile
            using (handle) await WriteEntryAsync(tar, handle, name.TrimEnd('/') + "/" + child, cancellationToken);
        }
    }
}
