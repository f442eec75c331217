namespace WebUI.Engine.Linux;

/// <summary>Facts about the host that /info and /version report, read from /proc, /sys and /etc.</summary>
public static class HostFacts
{
    public static string KernelVersion => ReadTrimmed("/proc/sys/kernel/osrelease") ?? Environment.OSVersion.Version.ToString();

    public static string HostName => ReadTrimmed("/proc/sys/kernel/hostname") ?? Environment.MachineName;

    /// <summary>PRETTY_NAME of /etc/os-release, e.g. "Debian GNU/Linux 12 (bookworm)".</summary>
    public static string OperatingSystem => OsRelease("PRETTY_NAME") ?? "Linux";

    public static string OsVersion => OsRelease("VERSION_ID") ?? "";

    /// <summary>"2" on a unified cgroup v2 host, else "1" (also the hybrid layout these machines have).</summary>
    public static string CgroupVersion => File.Exists("/sys/fs/cgroup/cgroup.controllers") ? "2" : "1";

    public static bool IPv4Forwarding => ReadTrimmed("/proc/sys/net/ipv4/ip_forward") == "1";

    public static long MemTotalBytes
    {
        get
        {
            foreach (var line in File.ReadLines("/proc/meminfo"))
            {
                if (!line.StartsWith("MemTotal:", StringComparison.Ordinal)) continue;
                var kb = line["MemTotal:".Length..].Trim().Split(' ')[0];
                return long.TryParse(kb, out var v) ? v * 1024 : 0;
            }
            return 0;
        }
    }

    /// <summary>Docker's architecture names: x86_64 for amd64 hosts.</summary>
    public static string Architecture => System.Runtime.InteropServices.RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "x86_64",
        System.Runtime.InteropServices.Architecture.Arm64 => "aarch64",
        var a => a.ToString().ToLowerInvariant(),
    };

    /// <summary>OCI/Go architecture names: amd64, arm64.</summary>
    public static string GoArch => System.Runtime.InteropServices.RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "amd64",
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        var a => a.ToString().ToLowerInvariant(),
    };

    private static string? OsRelease(string key)
    {
        if (!File.Exists("/etc/os-release")) return null;
        foreach (var line in File.ReadLines("/etc/os-release"))
            if (line.StartsWith(key + "=", StringComparison.Ordinal))
                return line[(key.Length + 1)..].Trim('"');
        return null;
    }

    private static string? ReadTrimmed(string path)
    {
        try { return File.ReadAllText(path).Trim(); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
