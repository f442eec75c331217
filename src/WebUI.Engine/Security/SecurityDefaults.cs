namespace WebUI.Engine.Security;

/// <summary>What every container gets unless it asks otherwise: Docker's defaults.</summary>
public static class SecurityDefaults
{
    /// <summary>Docker's 14 default capabilities (bounding, permitted and effective; never inheritable).</summary>
    public static readonly IReadOnlyList<string> Capabilities =
    [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID",
        "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE",
    ];

    /// <summary>Paths hidden from containers (bind-mounted over with /dev/null or an empty read-only tmpfs).</summary>
    public static readonly IReadOnlyList<string> MaskedPaths =
    [
        "/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list",
        "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware", "/sys/devices/virtual/powercap",
    ];

    /// <summary>Paths made read-only inside containers.</summary>
    public static readonly IReadOnlyList<string> ReadonlyPaths =
    [
        "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger",
    ];

    /// <summary>Every capability the kernel knows and the engine holds, for --privileged and --cap-add ALL.</summary>
    public static IReadOnlyList<string> AllCapabilities()
    {
        var last = 40;
        try { last = int.Parse(File.ReadAllText("/proc/sys/kernel/cap_last_cap").Trim()); }
        catch (Exception e) when (e is IOException or FormatException) { }
        // Only what this process may hand out: a capability outside its own bounding set makes runc fail with EPERM.
        var bounding = ulong.MaxValue;
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("CapBnd:", StringComparison.Ordinal));
            if (line is not null) bounding = Convert.ToUInt64(line[7..].Trim(), 16);
        }
        catch (Exception e) when (e is IOException or FormatException) { }
        return Enumerable.Range(0, Math.Min(last, 63) + 1).Where(i => (bounding & (1UL << i)) != 0)
            .Select(Capability.Name).Where(n => n is not null).Select(n => n!).ToList();
    }
}
