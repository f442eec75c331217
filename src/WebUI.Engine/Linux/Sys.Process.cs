using System.Runtime.InteropServices;

namespace WebUI.Engine.Linux;

/// <summary>close(2) and kill(2): the pipes handed to conmon and signals to its processes.</summary>
internal static partial class Sys
{
    public const int ESRCH = 3;

    [LibraryImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    private static unsafe partial int pipe2_(int* fds, int flags);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int kill_(int pid, int sig);

    public static void close(int fd) => close_(fd);

    /// <summary>kill(2); false when the process does not exist (ESRCH is the expected answer for a dead pid).</summary>
    public static bool kill(int pid, int sig)
    {
        if (kill_(pid, sig) == 0) return true;
        var errno = Marshal.GetLastPInvokeError();
        if (errno == ESRCH) return false;
        throw new LinuxException("kill", errno);
    }

    /// <summary>Whether a process with this pid exists (signal 0).</summary>
    public static bool ProcessExists(int pid) => pid > 0 && kill(pid, 0);
}
