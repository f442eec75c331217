using System.Runtime.InteropServices;

namespace WebUI.Engine.Linux;

/// <summary>File-system calls the BCL lacks (device nodes, lchown, xattrs, nofollow times, hard links), named as in the C headers.</summary>
internal static partial class Sys
{
    public const int AT_FDCWD = -100;
    public const int AT_SYMLINK_NOFOLLOW = 0x100;
    public const uint S_IFCHR = 0x2000;
    public const uint S_IFBLK = 0x6000;
    public const uint S_IFIFO = 0x1000;
    private const int EINTR = 4;

    [StructLayout(LayoutKind.Sequential)]
    public struct Timespec
    {
        public long tv_sec;
        public long tv_nsec;
    }

    [LibraryImport("libc", EntryPoint = "mknod", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int mknod_(string path, uint mode, ulong dev);

    [LibraryImport("libc", EntryPoint = "lchown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int lchown_(string path, int uid, int gid);

    [LibraryImport("libc", EntryPoint = "lsetxattr", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int lsetxattr_(string path, string name, byte[] value, nuint size, int flags);

    [LibraryImport("libc", EntryPoint = "lgetxattr", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint lgetxattr_(string path, string name, byte[]? value, nuint size);

    [LibraryImport("libc", EntryPoint = "utimensat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int utimensat_(int dirfd, string path, [In] Timespec[] times, int flags);

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int link_(string oldpath, string newpath);

    [LibraryImport("libc", EntryPoint = "chmod", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int chmod_(string path, uint mode);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open_(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int fsync_(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int close_(int fd);

    /// <summary>fsync(2) of a directory, so a rename inside it survives a crash.</summary>
    public static void fsyncdir(string path)
    {
        const int O_RDONLY = 0, O_DIRECTORY = 0x10000, O_CLOEXEC = 0x80000;
        int fd;
        while ((fd = open_(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno != EINTR) throw new LinuxException("open", errno, path);
        }
        try { Retry(() => fsync_(fd), "fsync", path); }
        finally { close_(fd); }
    }

    /// <summary>dev_t as glibc's makedev builds it.</summary>
    public static ulong makedev(uint major, uint minor) =>
        ((ulong)(major & 0xfffff000) << 32) | ((ulong)(major & 0xfff) << 8) |
        ((ulong)(minor & 0xffffff00) << 12) | (minor & 0xff);

    public static void mknod(string path, uint mode, ulong dev) => Retry(() => mknod_(path, mode, dev), "mknod", path);

    public static void lchown(string path, int uid, int gid) => Retry(() => lchown_(path, uid, gid), "lchown", path);

    /// <summary>chmod(2) directly, because the BCL's SetUnixFileMode drops setuid/setgid/sticky bits on some paths.</summary>
    public static void chmod(string path, uint mode) => Retry(() => chmod_(path, mode), "chmod", path);

    public static void lsetxattr(string path, string name, byte[] value) =>
        Retry(() => lsetxattr_(path, name, value, (nuint)value.Length, 0), "lsetxattr " + name, path);

    /// <summary>The value of an extended attribute, or null when the file does not have it.</summary>
    public static byte[]? lgetxattr(string path, string name)
    {
        var size = lgetxattr_(path, name, null, 0);
        if (size < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno == 61 /* ENODATA */) return null;
            throw new LinuxException("lgetxattr " + name, errno, path);
        }
        var buf = new byte[size];
        var n = lgetxattr_(path, name, buf, (nuint)buf.Length);
        if (n < 0) throw new LinuxException("lgetxattr " + name, Marshal.GetLastPInvokeError(), path);
        return buf[..(int)n];
    }

    /// <summary>Sets atime and mtime without following a final symlink.</summary>
    public static void lutimes(string path, DateTimeOffset atime, DateTimeOffset mtime)
    {
        var times = new[] { ToTimespec(atime), ToTimespec(mtime) };
        Retry(() => utimensat_(AT_FDCWD, path, times, AT_SYMLINK_NOFOLLOW), "utimensat", path);
    }

    public static void link(string oldpath, string newpath) => Retry(() => link_(oldpath, newpath), "link", newpath);

    private static Timespec ToTimespec(DateTimeOffset t)
    {
        var ticks = (t.UtcDateTime - DateTime.UnixEpoch).Ticks;
        var sec = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var rem);
        if (rem < 0) { sec--; rem += TimeSpan.TicksPerSecond; }
        return new Timespec { tv_sec = sec, tv_nsec = rem * 100 };
    }

    private static void Retry(Func<int> call, string name, string path)
    {
        while (true)
        {
            if (call() != -1) return;
            var errno = Marshal.GetLastPInvokeError();
            if (errno == EINTR) continue;
            throw new LinuxException(name, errno, path);
        }
    }
}
