using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace WebUI.Engine.Linux;

/// <summary>poll(2) and read(2) on one non-blocking descriptor: reading runc's exec fifo (<see cref="Runtime.ExecFifo"/>).</summary>
internal static partial class Sys
{
    public const int O_NONBLOCK = 0x800;
    public const short POLLIN = 0x001, POLLHUP = 0x010;
    private const int EAGAIN = 11;

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static unsafe partial int poll_(PollFd* fds, ulong nfds, int timeout);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static unsafe partial nint read_(int fd, byte* buf, nuint count);

    /// <summary>Waits up to <paramref name="timeoutMs"/> for <paramref name="events"/> on the descriptor; returns the events that came (0 on timeout).</summary>
    public static unsafe short poll(SafeFileHandle file, short events, int timeoutMs)
    {
        var added = false;
        file.DangerousAddRef(ref added);
        try
        {
            var p = new PollFd { Fd = (int)file.DangerousGetHandle(), Events = events };
            while (true)
            {
                var n = poll_(&p, 1, timeoutMs);
                if (n >= 0) return n == 0 ? (short)0 : p.Revents;
                var errno = Marshal.GetLastPInvokeError();
                if (errno != EINTR) throw new LinuxException("poll", errno);
            }
        }
        finally { if (added) file.DangerousRelease(); }
    }

    /// <summary>read(2) on a non-blocking descriptor: the bytes read, 0 at end of file, -1 when nothing is there yet (EAGAIN).</summary>
    public static unsafe int readNonBlocking(SafeFileHandle file, Span<byte> buffer, string path)
    {
        var added = false;
        file.DangerousAddRef(ref added);
        try
        {
            fixed (byte* b = buffer)
            {
                while (true)
                {
                    var n = read_((int)file.DangerousGetHandle(), b, (nuint)buffer.Length);
                    if (n >= 0) return (int)n;
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno == EAGAIN) return -1;
                    if (errno != EINTR) throw new LinuxException("read", errno, path);
                }
            }
        }
        finally { if (added) file.DangerousRelease(); }
    }
}
