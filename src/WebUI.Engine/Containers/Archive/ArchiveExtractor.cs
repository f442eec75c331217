using System.Formats.Tar;
using Microsoft.Win32.SafeHandles;
using WebUI.Engine.Errors;
using WebUI.Engine.Linux;

namespace WebUI.Engine.Containers.Archive;

/// <summary>
/// PUT /containers/{id}/archive: extracts a tar into a directory of a container. Every parent is resolved from the
/// container's root with openat2(RESOLVE_IN_ROOT), every entry is created relative to its parent's descriptor with
/// calls that never follow a final symlink: an entry, a symlink in the archive or one swapped in by the container
/// can at worst point inside the container, never at a host file. Device nodes are refused.
/// </summary>
internal sealed class ArchiveExtractor(SafeFileHandle root, string destination, bool noOverwriteDirNonDir, bool copyUidGid) : IDisposable
{
    private const ulong InRoot = Sys.RESOLVE_IN_ROOT | Sys.RESOLVE_NO_MAGICLINKS;
    private const ulong Child = Sys.RESOLVE_BENEATH | Sys.RESOLVE_NO_SYMLINKS | Sys.RESOLVE_NO_MAGICLINKS;
    private readonly Dictionary<string, SafeFileHandle> _dirs = new(StringComparer.Ordinal);

    /// <summary>The extraction point must exist and be a directory (symlinks to one followed inside the root).</summary>
    public static void CheckDestination(SafeFileHandle root, string path, string containerName)
    {
        try
        {
            using var _ = Sys.openat2(root, path, Sys.O_PATH | Sys.O_DIRECTORY, 0, InRoot);
        }
        catch (LinuxException e) when (e.Errno == Sys.ENOENT)
        {
            throw EngineException.NotFound($"Could not find the file {path} in container {containerName}");
        }
        catch (LinuxException e) when (e.Errno == Sys.ENOTDIR)
        {
            throw EngineException.Invalid("extraction point is not a directory");
        }
    }

    public async Task ExtractAsync(Stream tarStream, CancellationToken cancellationToken)
    {
        using var reader = new TarReader(tarStream, leaveOpen: true);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            if (entry.EntryType is TarEntryType.GlobalExtendedAttributes) continue;
            var parts = Split(entry.Name);
            if (parts.Count == 0) continue;
            var parent = Parent(parts[..^1]);
            await ApplyAsync(parent, parts[^1], string.Join('/', parts), entry, cancellationToken);
        }
    }

    private static List<string> Split(string name)
    {
        var parts = new List<string>();
        foreach (var p in name.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (p == ".") continue;
            if (p == "..") throw EngineException.Invalid($"invalid archive entry \"{name}\": \"..\" is not allowed");
            parts.Add(p);
        }
        return parts;
    }

    /// <summary>The directory for an entry's parent components, created (0755) where missing.</summary>
    private SafeFileHandle Parent(List<string> components)
    {
        var key = string.Join('/', components);
        if (_dirs.TryGetValue(key, out var cached)) return cached;
        SafeFileHandle handle;
        if (components.Count == 0)
        {
            handle = Sys.openat2(root, destination, Sys.O_PATH | Sys.O_DIRECTORY, 0, InRoot);
        }
        else
        {
            var above = Parent(components[..^1]);
            var name = components[^1];
            try
            {
                handle = Sys.openat2(root, destination.TrimEnd('/') + "/" + key, Sys.O_PATH | Sys.O_DIRECTORY, 0, InRoot);
            }
            catch (LinuxException e) when (e.Errno == Sys.ENOENT)
            {
                Sys.mkdirat(above, name, 0x1ED);
                handle = Sys.openat2(above, name, Sys.O_PATH | Sys.O_DIRECTORY | Sys.O_NOFOLLOW, 0, Child);
            }
            catch (LinuxException e) when (e.Errno == Sys.ENOTDIR)
            {
                throw EngineException.Invalid($"cannot extract into \"{key}\": not a directory");
            }
        }
        _dirs[key] = handle;
        return handle;
    }

    private async Task ApplyAsync(SafeFileHandle parent, string name, string relative, TarEntry entry, CancellationToken cancellationToken)
    {
        StatxResult? existing = null;
        try { existing = Sys.fstatat(parent, name); }
        catch (LinuxException e) when (e.Errno == Sys.ENOENT) { }

        var isDir = entry.EntryType == TarEntryType.Directory;
        if (existing is { IsDirectory: true } && !isDir)
            throw EngineException.Invalid($"cannot overwrite directory \"{relative}\" with non-directory \"{relative}\"");
        if (existing is { IsDirectory: false } && isDir && noOverwriteDirNonDir)
            throw EngineException.Invalid($"cannot overwrite non-directory \"{relative}\" with directory \"{relative}\"");
        if (existing is { IsDirectory: false }) Sys.unlinkat(parent, name, 0);

        var mode = (uint)entry.Mode & 0xFFF;
        switch (entry.EntryType)
        {
            case TarEntryType.Directory:
                if (existing is not { IsDirectory: true }) Sys.mkdirat(parent, name, 0x1C0);
                _dirs.Remove(relative, out var stale);
                stale?.Dispose();
                Own(parent, name, entry);
                using (var dir = Sys.openat2(parent, name, Sys.O_RDONLY | Sys.O_DIRECTORY | Sys.O_NOFOLLOW, 0, Child)) Sys.fchmod(dir, mode);
                break;
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
            {
                var file = Sys.openat2(parent, name, Sys.O_WRONLY | Sys.O_CREAT | Sys.O_EXCL | Sys.O_NOFOLLOW, 0x180, Child);
                // The stream owns the descriptor: owner and mode are set through it before it closes.
                await using var output = new FileStream(file, FileAccess.Write, 1 << 16);
                if (entry.DataStream is { } data) await data.CopyToAsync(output, cancellationToken);
                await output.FlushAsync(cancellationToken);
                Own(parent, name, entry);
                Sys.fchmod(file, mode);
                break;
            }
            case TarEntryType.SymbolicLink:
                Sys.symlinkat(entry.LinkName, parent, name);
                Own(parent, name, entry);
                break;
            case TarEntryType.HardLink:
            {
                var target = Split(entry.LinkName);
                using var source = Sys.openat2(root, destination.TrimEnd('/') + "/" + string.Join('/', target), Sys.O_PATH | Sys.O_NOFOLLOW, 0, InRoot);
                Sys.linkat(source, parent, name);
                return;
            }
            case TarEntryType.Fifo:
                Sys.mknodat(parent, name, Sys.S_IFIFO | mode, 0);
                Own(parent, name, entry);
                break;
            default:
                throw EngineException.Invalid($"archive entry \"{relative}\" of type {entry.EntryType} is not allowed (device nodes and other special files are refused)");
        }
        Sys.utimensat(parent, name, entry.ModificationTime, Sys.AT_SYMLINK_NOFOLLOW);
    }

    private void Own(SafeFileHandle parent, string name, TarEntry entry)
    {
        var (uid, gid) = copyUidGid ? (entry.Uid, entry.Gid) : (0, 0);
        Sys.fchownat(parent, name, uid, gid, Sys.AT_SYMLINK_NOFOLLOW);
    }

    public void Dispose()
    {
        foreach (var h in _dirs.Values) h.Dispose();
        _dirs.Clear();
    }
}
