using System.Runtime.InteropServices;

namespace WebUI.Engine.Linux;

/// <summary>syscall(2) with no argument: a raw system call number, for probing what the kernel can execute.</summary>
internal static partial class Sys
{
    public const int ENOSYS = 38;

    // glibc's syscall() is variadic; with integer arguments only, the x86-64 and arm64 calling conventions pass them as
    // for a plain function, and its assembly never reads vector registers.
    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long syscall_(long number);

    /// <summary>Runs system call <paramref name="number"/> with no argument; the errno when it fails, else 0.</summary>
    public static int SyscallErrno(long number) => syscall_(number) >= 0 ? 0 : Marshal.GetLastPInvokeError();
}
