using System.Text;
using Microsoft.Win32.SafeHandles;
using WebUI.Engine.Errors;
using WebUI.Engine.Linux;

namespace WebUI.Services;

/// <summary>
/// Read-only browsing of a volume's data. Every path is resolved by the kernel inside the mountpoint (openat2 with
/// RESOLVE_IN_ROOT): ".." stops at the volume's root and symlinks resolve as if the volume were "/", so nothing outside
/// can be listed or read, even when the volume's contents change while it is browsed.
/// </summary>
public static class VolumeFiles
{
    /// <summary>Files larger than this are shown up to here.</summary>
    public const int MaxTextBytes = 512 * 1024;
    /// <summary>Directories with more entries are cut here (sorted by name first).</summary>
    public const int MaxEntries = 5000;

    private const ulong InRoot = Sys.RESOLVE_IN_ROOT | Sys.RESOLVE_NO_MAGICLINKS;

    public static IReadOnlyList<VolumeFileEntry> List(string mountpoint, string path)
    {
        using var dir = Open(mountpoint, path, out var st);
        if (!st.IsDirectory) throw EngineException.Invalid($"{Show(path)} is not a directory");
        var names = Directory.EnumerateFileSystemEntries(Sys.FdPath(dir)).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).Take(MaxEntries);
        var entries = new List<VolumeFileEntry>();
        foreach (var name in names)
        {
            StatxResult e;
            try { e = Sys.fstatat(dir, name); }
            catch (LinuxException x) when (x.Errno == Sys.ENOENT) { continue; } // removed while listing
            var kind = e.IsDirectory ? VolumeFileKind.Directory : e.IsRegular ? VolumeFileKind.File : e.IsSymlink ? VolumeFileKind.Symlink : VolumeFileKind.Other;
            entries.Add(new VolumeFileEntry(name, kind, e.Size, e.ModifiedAt, Convert.ToString(e.Permissions, 8).PadLeft(4, '0'),
                kind == VolumeFileKind.Symlink ? Sys.readlinkat(dir, name) : null));
        }
        return entries.OrderBy(e => e.Kind == VolumeFileKind.Directory ? 0 : 1).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
    }

    public static async Task<VolumeFileText> ReadTextAsync(string mountpoint, string path, CancellationToken cancellationToken)
    {
        using var target = Open(mountpoint, path, out var st);
        if (!st.IsRegular) throw EngineException.Invalid($"{Show(path)} is not a regular file");
        // Reopened through the descriptor: the very inode that was checked, not a name someone could swap.
        using var handle = Sys.reopen(target, Sys.O_RDONLY);
        var buffer = new byte[(int)Math.Min(st.Size, MaxTextBytes)];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await RandomAccess.ReadAsync(handle, buffer.AsMemory(read), read, cancellationToken);
            if (n == 0) break;
            read += n;
        }
        var bytes = buffer.AsSpan(0, read);
        var binary = bytes[..Math.Min(read, 8192)].Contains((byte)0);
        return new VolumeFileText(Show(path), st.Size, binary ? null : Encoding.UTF8.GetString(bytes), st.Size > read);
    }

    private static SafeFileHandle Open(string mountpoint, string path, out StatxResult stat)
    {
        if (path.Contains('\0')) throw EngineException.Invalid("a path cannot contain a NUL character");
        var relative = path.Trim('/');
        try
        {
            using var root = Sys.open(mountpoint, Sys.O_PATH | Sys.O_DIRECTORY);
            var handle = Sys.openat2(root, relative.Length == 0 ? "." : relative, Sys.O_PATH, 0, InRoot);
            stat = Sys.fstat(handle);
            return handle;
        }
        catch (LinuxException e) when (e.Errno is Sys.ENOENT or Sys.ENOTDIR)
        {
            throw EngineException.NotFound($"{Show(path)}: no such file or directory in the volume");
        }
        catch (LinuxException e) when (e.Errno == Sys.ELOOP)
        {
            throw EngineException.Invalid($"{Show(path)}: too many levels of symbolic links");
        }
    }

    private static string Show(string path) => "/" + path.Trim('/');
}
