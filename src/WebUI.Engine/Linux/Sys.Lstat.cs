using System.Runtime.InteropServices;
using System.Text;

namespace WebUI.Engine.Linux;

// lstat(2) with the whole struct stat, and llistxattr(2): what a layer diff needs (inodes and link counts for hard links, device numbers, owners).
internal static partial class Sys
{
    public const uint S_IFMT = 0xF000;
    public const uint S_IFDIR = 0x4000;
    public const uint S_IFREG = 0x8000;
    public const uint S_IFLNK = 0xA000;

    /// <summary>struct stat of x86_64 / aarch64 glibc (the fields a diff uses; the layout is the generic 144-byte one on x86_64).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Stat
    {
        public ulong st_dev;
        public ulong st_ino;
        public ulong st_nlink;
        public uint st_mode;
        public uint st_uid;
        public uint st_gid;
        public int pad0;
        public ulong st_rdev;
        public long st_size;
        public long st_blksize;
        public long st_blocks;
        public Timespec st_atim;
        public Timespec st_mtim;
        public Timespec st_ctim;
        public long reserved0;
        public long reserved1;
        public long reserved2;
    }

    [LibraryImport("libc", EntryPoint = "lstat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int lstat_(string path, out Stat buf);

    [LibraryImport("libc", EntryPoint = "llistxattr", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint llistxattr_(string path, byte[]? list, nuint size);

    /// <summary>lstat(2) returning the whole struct stat (statx's result lacks the inode and link count hard-link detection needs).</summary>
    public static Stat lstatFull(string path)
    {
        Stat st = default;
        Retry(() => lstat_(path, out st), "lstat", path);
        return st;
    }

    /// <summary>Names of the extended attributes of a file (not following a final symlink); empty where xattrs are unsupported.</summary>
    public static IReadOnlyList<string> llistxattr(string path)
    {
        var size = llistxattr_(path, null, 0);
        if (size < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno == 95 /* EOPNOTSUPP */) return [];
            throw new LinuxException("llistxattr", errno, path);
        }
        if (size == 0) return [];
        var buf = new byte[size];
        var n = llistxattr_(path, buf, (nuint)buf.Length);
        if (n < 0) throw new LinuxException("llistxattr", Marshal.GetLastPInvokeError(), path);
        return Encoding.UTF8.GetString(buf, 0, (int)n).Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>major(dev) as glibc computes it.</summary>
    public static uint major(ulong dev) => (uint)(((dev >> 32) & 0xfffff000) | ((dev >> 8) & 0xfff));

    /// <summary>minor(dev) as glibc computes it.</summary>
    public static uint minor(ulong dev) => (uint)(((dev >> 12) & 0xffffff00) | (dev & 0xff));
}
