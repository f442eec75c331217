using System.Runtime.InteropServices;
using System.Text;

namespace WebUI.Engine.Linux;

/// <summary>Network namespace calls: unshare(2), setns(2), gettid(2) and the SIOCSIFFLAGS ioctl that brings lo up.</summary>
internal static partial class Sys
{
    public const int CLONE_NEWNET = 0x40000000;
    private const int O_RDONLY_CLOEXEC = 0x80000;
    private const int AF_INET = 2, SOCK_DGRAM = 2;
    private const ulong SIOCGIFFLAGS = 0x8913, SIOCSIFFLAGS = 0x8914;
    private const short IFF_UP = 0x1;

    [LibraryImport("libc", EntryPoint = "unshare", SetLastError = true)]
    private static partial int unshare_(int flags);

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static partial int setns_(int fd, int nstype);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int gettid_();

    [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
    private static partial int socket_(int domain, int type, int protocol);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static unsafe partial int ioctl_(int fd, ulong request, byte* arg);

    /// <summary>Moves the calling thread into a new network namespace (only this thread: namespaces are per task).</summary>
    public static void unshare(int flags) => Retry(() => unshare_(flags), "unshare", "");

    public static int gettid() => gettid_();

    /// <summary>Opens a namespace file (O_RDONLY|O_CLOEXEC); the caller closes it.</summary>
    public static int OpenNamespace(string path)
    {
        int fd;
        while ((fd = open_(path, O_RDONLY_CLOEXEC)) == -1)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno != EINTR) throw new LinuxException("open", errno, path);
        }
        return fd;
    }

    /// <summary>Moves the calling thread into the namespace the descriptor refers to.</summary>
    public static void setns(int fd, int nstype, string path) => Retry(() => setns_(fd, nstype), "setns", path);

    /// <summary>Sets IFF_UP on an interface of the calling thread's network namespace (what `ip link set lo up` does).</summary>
    public static unsafe void InterfaceUp(string name)
    {
        var fd = socket_(AF_INET, SOCK_DGRAM | O_RDONLY_CLOEXEC, 0);
        LinuxException.ThrowIfError(fd, "socket");
        try
        {
            // struct ifreq: char ifr_name[16]; union { short ifr_flags; ... } (40 bytes on x86_64/arm64).
            byte* ifr = stackalloc byte[40];
            new Span<byte>(ifr, 40).Clear();
            Encoding.ASCII.GetBytes(name, new Span<byte>(ifr, 15));
            Ioctl(fd, SIOCGIFFLAGS, ifr, name);
            *(short*)(ifr + 16) |= IFF_UP;
            Ioctl(fd, SIOCSIFFLAGS, ifr, name);
        }
        finally
        {
            close_(fd);
        }
    }

    private static unsafe void Ioctl(int fd, ulong request, byte* arg, string name)
    {
        while (ioctl_(fd, request, arg) == -1)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno != EINTR) throw new LinuxException("ioctl", errno, name);
        }
    }
}
