using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace WebUI.Engine.Linux;

/// <summary>
/// openat2(2) and the *at calls that work relative to an open directory: with them a path inside a container's root
/// is resolved by the kernel (RESOLVE_IN_ROOT / RESOLVE_BENEATH, no symlink or ".." can leave it) and every later
/// step uses the descriptors so resolved, so a symlink swapped meanwhile cannot redirect I/O to a host file.
/// </summary>
internal static partial class Sys
{
    public const ulong RESOLVE_NO_XDEV = 0x01, RESOLVE_NO_MAGICLINKS = 0x02, RESOLVE_NO_SYMLINKS = 0x04, RESOLVE_BENEATH = 0x08, RESOLVE_IN_ROOT = 0x10;
    public const int O_RDONLY = 0, O_WRONLY = 1, O_CREAT = 0x40, O_EXCL = 0x80, O_TRUNC = 0x200, O_CLOEXEC = 0x80000, O_PATH = 0x200000;
    public const int AT_REMOVEDIR = 0x200;
    public const int ENOENT = 2, EEXIST = 17, ENOTDIR = 20, EISDIR = 21, ELOOP = 40, EXDEV = 18;
    private const long SYS_openat2 = 437; // the same number on x86_64 and the generic (arm64) table

    /// <summary>O_DIRECTORY and O_NOFOLLOW differ between x86 and arm.</summary>
    public static readonly int O_DIRECTORY = IsArm ? 0x4000 : 0x10000;
    public static readonly int O_NOFOLLOW = IsArm ? 0x8000 : 0x20000;

    private static bool IsArm => RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm;

    [StructLayout(LayoutKind.Sequential)]
    private struct OpenHow
    {
        public ulong flags;
        public ulong mode;
        public ulong resolve;
    }

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial long syscall_openat2(long number, int dirfd, string path, OpenHow* how, nuint size);

    [LibraryImport("libc", EntryPoint = "openat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int openat_(int dirfd, string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "mkdirat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int mkdirat_(int dirfd, string path, uint mode);

    [LibraryImport("libc", EntryPoint = "symlinkat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int symlinkat_(string target, int dirfd, string path);

    [LibraryImport("libc", EntryPoint = "readlinkat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint readlinkat_(int dirfd, string path, byte[] buf, nuint size);

    [LibraryImport("libc", EntryPoint = "unlinkat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int unlinkat_(int dirfd, string path, int flags);

    [LibraryImport("libc", EntryPoint = "fchownat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int fchownat_(int dirfd, string path, int uid, int gid, int flags);

    [LibraryImport("libc", EntryPoint = "fchmod", SetLastError = true)]
    private static partial int fchmod_(int fd, uint mode);

    [LibraryImport("libc", EntryPoint = "utimensat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int utimensat2_(int dirfd, string path, [In] Timespec[] times, int flags);

    [LibraryImport("libc", EntryPoint = "linkat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int linkat_(int olddirfd, string oldpath, int newdirfd, string newpath, int flags);

    [LibraryImport("libc", EntryPoint = "mknodat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int mknodat_(int dirfd, string path, uint mode, ulong dev);

    /// <summary>openat2(2); the descriptor is close-on-exec and owned by the returned handle.</summary>
    public static unsafe SafeFileHandle openat2(SafeFileHandle dir, string path, int flags, uint mode, ulong resolve)
    {
        var how = new OpenHow { flags = (ulong)(flags | O_CLOEXEC), mode = mode, resolve = resolve };
        var added = false;
        dir.DangerousAddRef(ref added);
        try
        {
            while (true)
            {
                var fd = syscall_openat2(SYS_openat2, (int)dir.DangerousGetHandle(), path, &how, (nuint)sizeof(OpenHow));
                if (fd >= 0) return new SafeFileHandle((nint)fd, ownsHandle: true);
                var errno = Marshal.GetLastPInvokeError();
                if (errno != EINTR) throw new LinuxException("openat2", errno, path);
            }
        }
        finally { if (added) dir.DangerousRelease(); }
    }

    /// <summary>open(2) of an absolute host path (the root a resolution starts from).</summary>
    public static SafeFileHandle open(string path, int flags)
    {
        while (true)
        {
            var fd = openat_(AT_FDCWD, path, flags | O_CLOEXEC, 0);
            if (fd >= 0) return new SafeFileHandle(fd, ownsHandle: true);
            var errno = Marshal.GetLastPInvokeError();
            if (errno != EINTR) throw new LinuxException("open", errno, path);
        }
    }

    public static void mkdirat(SafeFileHandle dir, string name, uint mode) => WithFd(dir, fd => mkdirat_(fd, name, mode), "mkdirat", name);

    public static void symlinkat(string target, SafeFileHandle dir, string name) => WithFd(dir, fd => symlinkat_(target, fd, name), "symlinkat", name);

    public static void unlinkat(SafeFileHandle dir, string name, int flags) => WithFd(dir, fd => unlinkat_(fd, name, flags), "unlinkat", name);

    public static void fchownat(SafeFileHandle dir, string name, int uid, int gid, int flags) =>
        WithFd(dir, fd => fchownat_(fd, name, uid, gid, flags), "fchownat", name);

    public static void fchmod(SafeFileHandle file, uint mode) => WithFd(file, fd => fchmod_(fd, mode), "fchmod", "");

    public static void utimensat(SafeFileHandle dir, string name, DateTimeOffset mtime, int flags)
    {
        var times = new[] { ToTimespec(mtime), ToTimespec(mtime) };
        WithFd(dir, fd => utimensat2_(fd, name, times, flags), "utimensat", name);
    }

    /// <summary>linkat(2) from an open descriptor (AT_EMPTY_PATH) to dir/name.</summary>
    public static void linkat(SafeFileHandle source, SafeFileHandle dir, string name) =>
        WithFd(source, s => WithFdResult(dir, d => linkat_(s, "", d, name, AT_EMPTY_PATH), "linkat", name), "linkat", name);

    public static void mknodat(SafeFileHandle dir, string name, uint mode, ulong dev) => WithFd(dir, fd => mknodat_(fd, name, mode, dev), "mknodat", name);

    /// <summary>The target of a symlink opened with O_PATH|O_NOFOLLOW (or dir + name).</summary>
    public static string readlinkat(SafeFileHandle dir, string name)
    {
        var buf = new byte[4096];
        nint n = 0;
        WithFd(dir, fd => (n = readlinkat_(fd, name, buf, (nuint)buf.Length)) < 0 ? -1 : 0, "readlinkat", name);
        return System.Text.Encoding.UTF8.GetString(buf, 0, (int)n);
    }

    /// <summary>statx of an open descriptor.</summary>
    public static StatxResult fstat(SafeFileHandle file)
    {
        var added = false;
        file.DangerousAddRef(ref added);
        try { return statx((int)file.DangerousGetHandle(), "", AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW); }
        finally { if (added) file.DangerousRelease(); }
    }

    /// <summary>statx of dir/name, a final symlink not followed.</summary>
    public static StatxResult fstatat(SafeFileHandle dir, string name)
    {
        var added = false;
        dir.DangerousAddRef(ref added);
        try { return statx((int)dir.DangerousGetHandle(), name, AT_SYMLINK_NOFOLLOW); }
        finally { if (added) dir.DangerousRelease(); }
    }

    /// <summary>Reopens an O_PATH descriptor for I/O through its /proc/self/fd magic link (the very same inode, no lookup by name).</summary>
    public static SafeFileHandle reopen(SafeFileHandle pathFd, int flags) => open(FdPath(pathFd), flags);

    /// <summary>/proc/self/fd/N of a descriptor: directory listings of an open directory go through it.</summary>
    public static string FdPath(SafeFileHandle fd) => "/proc/self/fd/" + fd.DangerousGetHandle();

    private static int WithFdResult(SafeFileHandle handle, Func<int, int> call, string name, string path)
    {
        WithFd(handle, call, name, path);
        return 0;
    }

    private static void WithFd(SafeFileHandle handle, Func<int, int> call, string name, string path)
    {
        var added = false;
        handle.DangerousAddRef(ref added);
        try { Retry(() => call((int)handle.DangerousGetHandle()), name, path); }
        finally { if (added) handle.DangerousRelease(); }
    }
}
