using WebUI.Engine.Errors;

namespace WebUI.Engine.Security;

/// <summary>
/// Turns a Docker-format profile into the OCI filter for one container, as dockerd does: rules whose includes are not
/// all met, or whose excludes are met, by the container's capabilities, the host architecture and kernel are dropped.
/// The archMap's sub-architectures the kernel cannot execute (x32 on most kernels) are left out, as a filter section
/// for them never matters; the native architecture and a profile's plain "architectures" list are kept as given.
/// </summary>
public static class SeccompCompiler
{
    /// <param name="capabilities">The container's bounding capabilities ("CAP_CHOWN"...).</param>
    /// <param name="goArch">The host's Go architecture name (amd64, arm64).</param>
    /// <param name="kernel">The running kernel's version, for minKernel conditions.</param>
    /// <param name="kernelExecutes">Whether the kernel runs system calls of a seccomp architecture (<see cref="KernelAbis.Executes"/>); all when null.</param>
    public static LinuxSeccomp Compile(SeccompProfile profile, IReadOnlyCollection<string> capabilities, string goArch, Version kernel,
        Func<string, bool>? kernelExecutes = null)
    {
        var caps = new HashSet<string>(capabilities, StringComparer.Ordinal);
        var native = SeccompArch(goArch);
        var architectures = new List<string>();
        if (profile.ArchMap is { Count: > 0 })
        {
            foreach (var m in profile.ArchMap.Where(m => m.Architecture == native))
            {
                architectures.Add(m.Architecture);
                if (m.SubArchitectures is not null) architectures.AddRange(m.SubArchitectures.Where(a => kernelExecutes?.Invoke(a) ?? true));
            }
        }
        else if (profile.Architectures is not null)
        {
            architectures.AddRange(profile.Architectures);
        }

        var syscalls = new List<LinuxSyscall>();
        foreach (var rule in profile.Syscalls)
        {
            if (!Applies(rule, caps, goArch, kernel)) continue;
            var names = rule.Names is { Count: > 0 } ? rule.Names : rule.Name is not null ? [rule.Name] : null;
            if (names is null) throw EngineException.Invalid("seccomp profile: a rule names no syscall");
            syscalls.Add(new LinuxSyscall
            {
                Names = names,
                Action = rule.Action,
                ErrnoRet = rule.ErrnoRet,
                Args = rule.Args is { Count: > 0 } ? rule.Args : null,
            });
        }

        return new LinuxSeccomp
        {
            DefaultAction = profile.DefaultAction,
            DefaultErrnoRet = profile.DefaultErrnoRet,
            Architectures = architectures,
            Syscalls = syscalls,
        };
    }

    private static bool Applies(SeccompRule rule, HashSet<string> caps, string goArch, Version kernel)
    {
        if (rule.Excludes is { } ex)
        {
            if (ex.Arches?.Contains(goArch) == true) return false;
            if (ex.Caps?.Any(caps.Contains) == true) return false;
        }
        if (rule.Includes is { } inc)
        {
            if (inc.Arches is { Count: > 0 } && !inc.Arches.Contains(goArch)) return false;
            if (inc.Caps is { Count: > 0 } && !inc.Caps.All(caps.Contains)) return false;
            if (inc.MinKernel is not null && Version.TryParse(inc.MinKernel, out var min) && kernel < min) return false;
        }
        return true;
    }

    private static string SeccompArch(string goArch) => goArch switch
    {
        "amd64" => "SCMP_ARCH_X86_64",
        "arm64" => "SCMP_ARCH_AARCH64",
        "386" or "x86" => "SCMP_ARCH_X86",
        "arm" => "SCMP_ARCH_ARM",
        "ppc64le" => "SCMP_ARCH_PPC64LE",
        "s390x" => "SCMP_ARCH_S390X",
        _ => "SCMP_ARCH_" + goArch.ToUpperInvariant(),
    };
}
