using System.Runtime.InteropServices;
using WebUI.Engine.Linux;

namespace WebUI.Engine.Security;

/// <summary>
/// Which of the seccomp architectures a profile's archMap lists for this host the running kernel can execute system
/// calls of. A filter section for an ABI the kernel has no system call table for never matches anything it lets through:
/// such calls fail with ENOSYS whatever the filter says. The one that is compiled out of kernels in practice is x32
/// (CONFIG_X86_X32_ABI, off in Debian's and most distributions' kernels), and each architecture in the filter costs
/// `runc init` a share of its compile: bare `runc run` of the engine's spec took 46 ms with x32 and 40 ms without, here.
/// </summary>
public static class KernelAbis
{
    /// <summary>__X32_SYSCALL_BIT: an x32 system call is its number with this bit set, made from 64-bit mode.</summary>
    private const long X32SyscallBit = 0x40000000;

    /// <summary>getpid's number in the x32 table (the x86-64 number, shared by the common calls).</summary>
    private const long GetPid = 39;

    private static readonly Lazy<bool> _x32 = new(ProbeX32);

    /// <summary>Whether the kernel runs x32 system calls: an x32 getpid succeeds, ENOSYS when the kernel has no x32 table.</summary>
    public static bool X32 => _x32.Value;

    /// <summary>Whether the kernel executes system calls of <paramref name="scmpArch"/> (SCMP_ARCH_X32...); true for every architecture not probed.</summary>
    public static bool Executes(string scmpArch) => scmpArch != "SCMP_ARCH_X32" || X32;

    private static bool ProbeX32() =>
        RuntimeInformation.OSArchitecture == Architecture.X64 && Sys.SyscallErrno(X32SyscallBit | GetPid) != Sys.ENOSYS;
}
