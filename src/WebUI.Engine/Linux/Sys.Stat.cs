using System.Runtime.InteropServices;

namespace WebUI.Engine.Linux;

/// <summary>statx(2): one layout on every architecture, and it stats an open descriptor (AT_EMPTY_PATH) as well as a path.</summary>
internal static partial class Sys
{
    public const int AT_EMPTY_PATH = 0x1000;
    private const uint STATX_BASIC_STATS = 0x7ff;

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int statx_(int dirfd, string path, int flags, uint mask, byte* buf);

    /// <summary>statx of <paramref name="path"/> relative to <paramref name="dirfd"/>; "" with AT_EMPTY_PATH stats the descriptor itself.</summary>
    public static unsafe StatxResult statx(int dirfd, string path, int flags)
    {
        // struct statx is 256 bytes; offsets from linux/stat.h.
        byte* buf = stackalloc byte[256];
        while (statx_(dirfd, path, flags, STATX_BASIC_STATS, buf) == -1)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno != EINTR) throw new LinuxException("statx", errno, path);
        }
        var mode = *(ushort*)(buf + 28);
        var uid = *(uint*)(buf + 20);
        var gid = *(uint*)(buf + 24);
        var size = *(long*)(buf + 40);
        var mtimeSec = *(long*)(buf + 112);
        var mtimeNsec = *(uint*)(buf + 120);
        var rdevMajor = *(uint*)(buf + 128);
        var rdevMinor = *(uint*)(buf + 132);
        var mtime = DateTimeOffset.FromUnixTimeSeconds(mtimeSec).AddTicks(mtimeNsec / 100);
        return new StatxResult(mode, uid, gid, size, mtime, rdevMajor, rdevMinor);
    }

    /// <summary>lstat-like: the path itself, a final symlink not followed.</summary>
    public static StatxResult lstat(string path) => statx(AT_FDCWD, path, AT_SYMLINK_NOFOLLOW);
}
