using WebUI.Engine.Errors;

namespace WebUI.Engine.Security;

/// <summary>Linux capability names and numbers, and Docker's spelling rules (CHOWN, cap_chown, CAP_CHOWN, ALL).</summary>
public static class Capability
{
    private static readonly string[] Names =
    [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_SETGID",
        "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN",
        "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT",
        "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE",
        "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL",
        "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND",
        "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE",
    ];

    public static string? Name(int number) => number >= 0 && number < Names.Length ? Names[number] : null;

    /// <summary>"chown", "CHOWN" or "CAP_CHOWN" → "CAP_CHOWN"; "ALL" stays "ALL"; anything unknown is a 400.</summary>
    public static string Normalize(string value)
    {
        var upper = value.Trim().ToUpperInvariant();
        if (upper == "ALL") return upper;
        var name = upper.StartsWith("CAP_", StringComparison.Ordinal) ? upper : "CAP_" + upper;
        return Array.IndexOf(Names, name) >= 0 ? name : throw EngineException.Invalid($"unknown capability: \"{value}\"");
    }

    /// <summary>Docker's rule: start from the defaults (or all, if privileged), add cap-add, then remove cap-drop; ALL works on both sides.</summary>
    public static IReadOnlyList<string> Resolve(bool privileged, IEnumerable<string>? add, IEnumerable<string>? drop)
    {
        if (privileged) return SecurityDefaults.AllCapabilities();
        var adds = (add ?? []).Select(Normalize).ToList();
        var drops = (drop ?? []).Select(Normalize).ToList();
        var set = new List<string>(drops.Contains("ALL") ? [] : SecurityDefaults.Capabilities);
        foreach (var c in adds.Contains("ALL") ? SecurityDefaults.AllCapabilities() : adds)
            if (!set.Contains(c)) set.Add(c);
        foreach (var c in drops.Where(d => d != "ALL"))
            if (!adds.Contains(c)) set.Remove(c);
        return set;
    }
}
