using System.Text.Json.Nodes;
using WebUI.Engine.Containers;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Runtime;

/// <summary>
/// Builds the OCI runtime spec (1.0.2) of a container: its process from the merged Config, Docker's default mounts,
/// namespaces, capabilities, rlimits and masked paths, and the container's own binds.
/// </summary>
internal static class OciSpecBuilder
{
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>Docker's default capability set.</summary>
    public static readonly IReadOnlyList<string> DefaultCapabilities =
    [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID",
        "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE",
    ];

    /// <summary>Every capability a privileged container gets (those known to the kernels this runs on).</summary>
    public static readonly IReadOnlyList<string> AllCapabilities =
    [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_SETGID",
        "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN",
        "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE",
        "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME",
        "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP",
        "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ",
    ];

    private static readonly string[] MaskedPaths =
    [
        "/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list",
        "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware", "/sys/devices/virtual/powercap",
    ];

    private static readonly string[] ReadonlyPaths = ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"];

    /// <summary>The files the engine writes per container and binds in (null: not bound).</summary>
    public sealed record EtcFiles(string? Hostname, string? Hosts, string? ResolvConf);

    /// <param name="netnsPath">The container's network namespace made by the network manager; null: the host's (host mode) or, when not host mode, a new one with only lo.</param>
    public static JsonObject Build(ContainerRecord c, ResolvedUser user, EtcFiles etc, string cgroupsPath, string? netnsPath = null)
    {
        var config = c.Config;
        var host = c.HostConfig;
        var args = new JsonArray();
        foreach (var a in new[] { c.Path }.Concat(c.Args)) args.Add(a);
        if (c.Path.Length == 0) throw EngineException.Invalid("no command specified");

        var caps = Capabilities(host);
        var capsObject = new JsonObject
        {
            ["bounding"] = ToArray(caps), ["effective"] = ToArray(caps), ["permitted"] = ToArray(caps),
        };
        // Docker gives root the set as ambient-free inheritable too (older runtimes), non-root users only what exec grants.
        var process = new JsonObject
        {
            ["terminal"] = config.Tty,
            ["user"] = new JsonObject
            {
                ["uid"] = user.Uid, ["gid"] = user.Gid,
                ["additionalGids"] = ToArray(user.AdditionalGids.Select(g => (JsonNode)g)),
            },
            ["args"] = args,
            ["env"] = ToArray(ProcessEnv(c, user)),
            ["cwd"] = string.IsNullOrEmpty(config.WorkingDir) ? "/" : config.WorkingDir,
            ["capabilities"] = capsObject,
            ["rlimits"] = new JsonArray(Rlimit("RLIMIT_NOFILE", "Max open files", 1048576), Rlimit("RLIMIT_NPROC", "Max processes", 1048576)),
            ["noNewPrivileges"] = host.SecurityOpt?.Contains("no-new-privileges") == true || host.SecurityOpt?.Contains("no-new-privileges:true") == true,
            ["oomScoreAdj"] = host.OomScoreAdj,
        };
        if (config.Tty && host.ConsoleSize is [var h, var w] && h > 0 && w > 0)
            process["consoleSize"] = new JsonObject { ["height"] = h, ["width"] = w };

        var namespaces = new JsonArray(Ns("pid"), Ns("ipc"), Ns("uts"), Ns("mount"));
        if (netnsPath is not null) namespaces.Add(new JsonObject { ["type"] = "network", ["path"] = netnsPath });
        else if (!NetworkModes.IsHost(host.NetworkMode)) namespaces.Add(Ns("network"));

        var linux = new JsonObject
        {
            ["namespaces"] = namespaces,
            ["cgroupsPath"] = cgroupsPath,
            ["resources"] = Resources(host),
        };
        if (!host.Privileged)
        {
            linux["maskedPaths"] = ToArray(MaskedPaths);
            linux["readonlyPaths"] = ToArray(ReadonlyPaths);
        }

        return new JsonObject
        {
            ["ociVersion"] = "1.0.2",
            ["process"] = process,
            ["root"] = new JsonObject { ["path"] = "rootfs", ["readonly"] = host.ReadonlyRootfs },
            // With the host's UTS namespace the hostname cannot be set (and must not be: it is the host's).
            ["hostname"] = NetworkModes.IsHost(host.NetworkMode) ? null : Hostname(c),
            ["mounts"] = Mounts(c, etc),
            ["linux"] = linux,
        };
    }

    public static string Hostname(ContainerRecord c) => string.IsNullOrEmpty(c.Config.Hostname) ? c.Id[..12] : c.Config.Hostname;

    /// <summary>The process environment: the merged Config.Env plus what Docker adds at run time (PATH if missing, HOSTNAME, TERM for a tty, HOME).</summary>
    public static List<string> ProcessEnv(ContainerRecord c, ResolvedUser user)
    {
        var env = new List<string>(c.Config.Env ?? []);
        bool Has(string key) => env.Any(e => e.StartsWith(key + "=", StringComparison.Ordinal) || e == key);
        if (!Has("PATH")) env.Insert(0, "PATH=" + DefaultPath);
        if (!Has("HOSTNAME")) env.Add("HOSTNAME=" + (NetworkModes.IsHost(c.HostConfig.NetworkMode) ? Linux.HostFacts.HostName : Hostname(c)));
        if (c.Config.Tty && !Has("TERM")) env.Add("TERM=xterm");
        if (!Has("HOME")) env.Add("HOME=" + user.Home);
        return env;
    }

    public static List<string> Capabilities(HostConfig host)
    {
        if (host.Privileged) return [.. AllCapabilities];
        var caps = new List<string>(DefaultCapabilities);
        static string Norm(string cap) { cap = cap.ToUpperInvariant(); return cap.StartsWith("CAP_", StringComparison.Ordinal) ? cap : "CAP_" + cap; }
        foreach (var add in host.CapAdd ?? [])
        {
            if (add.Equals("ALL", StringComparison.OrdinalIgnoreCase)) { caps = [.. AllCapabilities]; continue; }
            var n = Norm(add);
            if (!AllCapabilities.Contains(n)) throw EngineException.Invalid($"unknown capability: \"{add}\"");
            if (!caps.Contains(n)) caps.Add(n);
        }
        foreach (var drop in host.CapDrop ?? [])
        {
            if (drop.Equals("ALL", StringComparison.OrdinalIgnoreCase)) { caps.Clear(); continue; }
            caps.Remove(Norm(drop));
        }
        return caps;
    }

    private static JsonArray Mounts(ContainerRecord c, EtcFiles etc)
    {
        var shmSize = c.HostConfig.ShmSize > 0 ? c.HostConfig.ShmSize : 64L * 1024 * 1024;
        var sysOptions = c.HostConfig.Privileged ? new[] { "nosuid", "noexec", "nodev" } : ["nosuid", "noexec", "nodev", "ro"];
        var mounts = new JsonArray
        {
            Mount("/proc", "proc", "proc", "nosuid", "noexec", "nodev"),
            Mount("/dev", "tmpfs", "tmpfs", "nosuid", "strictatime", "mode=755", "size=65536k"),
            Mount("/dev/pts", "devpts", "devpts", "nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"),
            Mount("/sys", "sysfs", "sysfs", sysOptions),
            Mount("/sys/fs/cgroup", "cgroup", "cgroup", "ro", "nosuid", "noexec", "nodev"),
            Mount("/dev/mqueue", "mqueue", "mqueue", "nosuid", "noexec", "nodev"),
            Mount("/dev/shm", "tmpfs", "shm", "nosuid", "noexec", "nodev", "mode=1777", $"size={shmSize}"),
        };
        if (etc.ResolvConf is not null) mounts.Add(Mount("/etc/resolv.conf", "bind", etc.ResolvConf, "rbind", "rprivate"));
        if (etc.Hostname is not null) mounts.Add(Mount("/etc/hostname", "bind", etc.Hostname, "rbind", "rprivate"));
        if (etc.Hosts is not null) mounts.Add(Mount("/etc/hosts", "bind", etc.Hosts, "rbind", "rprivate"));
        foreach (var bind in c.HostConfig.Binds ?? [])
        {
            var b = BindSpec.Parse(bind);
            mounts.Add(Mount(b.Target, "bind", b.Source, b.ReadOnly ? ["rbind", "rprivate", "ro"] : ["rbind", "rprivate"]));
        }
        foreach (var (target, options) in c.HostConfig.Tmpfs ?? [])
        {
            var opts = new List<string> { "nosuid", "nodev", "noexec" };
            opts.AddRange(options.Split(',', StringSplitOptions.RemoveEmptyEntries));
            mounts.Add(Mount(target, "tmpfs", "tmpfs", [.. opts]));
        }
        return mounts;
    }

    private static JsonObject Resources(HostConfig host)
    {
        var resources = new JsonObject
        {
            // Deny all devices; runc adds the standard ones (null, zero, full, random, urandom, tty, ptmx, pts).
            ["devices"] = new JsonArray(new JsonObject { ["allow"] = host.Privileged, ["access"] = "rwm" }),
        };
        if (host.Memory > 0) resources["memory"] = new JsonObject { ["limit"] = host.Memory };
        if (host.PidsLimit > 0) resources["pids"] = new JsonObject { ["limit"] = host.PidsLimit };
        if (host.CpuShares > 0 || host.NanoCpus > 0)
        {
            var cpu = new JsonObject();
            if (host.CpuShares > 0) cpu["shares"] = host.CpuShares;
            if (host.NanoCpus > 0) { cpu["period"] = 100000; cpu["quota"] = host.NanoCpus * 100000 / 1_000_000_000; }
            resources["cpu"] = cpu;
        }
        return resources;
    }

    private static JsonObject Rlimit(string type, string procName, ulong wanted)
    {
        var value = HostLimits.Cap(procName, wanted);
        return new JsonObject { ["type"] = type, ["hard"] = value, ["soft"] = value };
    }

    private static JsonObject Ns(string type) => new() { ["type"] = type };

    private static JsonObject Mount(string destination, string type, string source, params string[] options) => new()
    {
        ["destination"] = destination, ["type"] = type, ["source"] = source, ["options"] = ToArray(options),
    };

    private static JsonArray ToArray(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);

    private static JsonArray ToArray(IEnumerable<JsonNode> values) => new([.. values]);
}
