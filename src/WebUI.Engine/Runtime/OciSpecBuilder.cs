using System.Text.Json;
using System.Text.Json.Nodes;
using WebUI.Engine.Containers;
using WebUI.Engine.Errors;
using WebUI.Engine.Security;

namespace WebUI.Engine.Runtime;

/// <summary>
/// Builds the OCI runtime spec (1.0.2) of a container: its process from the merged Config, Docker's default mounts,
/// namespaces, capabilities (<see cref="Capability"/>), seccomp, rlimits, masked paths, devices, resources, sysctls,
/// and the container's own mounts.
/// </summary>
internal static class OciSpecBuilder
{
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>The files the engine writes per container and binds in (null: not bound).</summary>
    public sealed record EtcFiles(string? Hostname, string? Hosts, string? ResolvConf);

    /// <summary>Checks the security- and resource-related HostConfig at create, so a bad value fails there and changes nothing.</summary>
    public static void Validate(ContainerConfig config, HostConfig host)
    {
        Capability.Resolve(host.Privileged, host.CapAdd, host.CapDrop);
        var security = SecurityOptions.Parse(host.SecurityOpt);
        if (security.Seccomp is { } s && s != "unconfined" && s != "builtin") SeccompProfiles.Validate(s);
        WorkingDirRule.Validate(config.WorkingDir);
        SysctlRules.Validate(host.Sysctls, NetworkModes.IsHost(host.NetworkMode), host.IpcMode == "host");
        DeviceRules.Validate(host.Devices);
        Rlimits.Validate(host.Ulimits);
        ResourcesBuilder.Validate(host);
        if (host.ShmSize < 0) throw EngineException.Invalid("SHM size can not be less than 0");
        MountPlanner.Validate(host);
    }

    public static JsonObject Build(ContainerRecord c, ResolvedUser user, EtcFiles etc, string cgroupsPath, SpecInputs? inputs = null)
    {
        inputs ??= new SpecInputs();
        var config = c.Config;
        var host = c.HostConfig;
        if (c.Path.Length == 0) throw EngineException.Invalid("no command specified");
        var args = new JsonArray();
        if (inputs.InitPath is not null) { args.Add(InitBinary.ContainerPath); args.Add("--"); }
        foreach (var a in new[] { c.Path }.Concat(c.Args)) args.Add(a);

        var caps = Capability.Resolve(host.Privileged, host.CapAdd, host.CapDrop);
        // Bounding, permitted and effective only: never inheritable or ambient, so exec'd non-root programs gain nothing.
        var capsObject = new JsonObject
        {
            ["bounding"] = ToArray(caps), ["effective"] = ToArray(caps), ["permitted"] = ToArray(caps),
        };
        var security = SecurityOptions.Parse(host.SecurityOpt);
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
            ["rlimits"] = Rlimits.Build(host.Ulimits),
            ["noNewPrivileges"] = security.NoNewPrivileges,
            ["oomScoreAdj"] = host.OomScoreAdj,
        };
        if (config.Tty && host.ConsoleSize is [var h, var w] && h > 0 && w > 0)
            process["consoleSize"] = new JsonObject { ["height"] = h, ["width"] = w };

        var namespaces = new JsonArray(Ns("pid"), Ns("uts"), Ns("mount"));
        if (host.IpcMode != "host") namespaces.Add(Ns("ipc"));
        if (inputs.NetnsPath is not null) namespaces.Add(new JsonObject { ["type"] = "network", ["path"] = inputs.NetnsPath });
        else if (!NetworkModes.IsHost(host.NetworkMode)) namespaces.Add(Ns("network"));

        var devices = DeviceRules.Nodes(host);
        var linux = new JsonObject
        {
            ["namespaces"] = namespaces,
            ["cgroupsPath"] = cgroupsPath,
            ["resources"] = ResourcesBuilder.Build(host, DeviceRules.CgroupRules(host, devices)),
            ["devices"] = new JsonArray([.. devices.Select(d => (JsonNode)DeviceRules.ToSpec(d))]),
        };
        if (host.Sysctls is { Count: > 0 })
            linux["sysctl"] = new JsonObject(host.Sysctls.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));
        if (!host.Privileged)
        {
            linux["maskedPaths"] = ToArray(SecurityDefaults.MaskedPaths);
            linux["readonlyPaths"] = ToArray(SecurityDefaults.ReadonlyPaths);
        }
        if (inputs.Seccomp is not null) linux["seccomp"] = JsonSerializer.SerializeToNode(inputs.Seccomp);

        return new JsonObject
        {
            ["ociVersion"] = "1.0.2",
            ["process"] = process,
            ["root"] = new JsonObject { ["path"] = "rootfs", ["readonly"] = host.ReadonlyRootfs },
            // With the host's UTS namespace the hostname cannot be set (and must not be: it is the host's).
            ["hostname"] = NetworkModes.IsHost(host.NetworkMode) ? null : Hostname(c),
            ["mounts"] = Mounts(c, etc, inputs),
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

    private static JsonArray Mounts(ContainerRecord c, EtcFiles etc, SpecInputs inputs)
    {
        var host = c.HostConfig;
        var shmSize = host.ShmSize > 0 ? host.ShmSize : 64L * 1024 * 1024;
        var sysOptions = host.Privileged ? new[] { "nosuid", "noexec", "nodev" } : ["nosuid", "noexec", "nodev", "ro"];
        var cgroupOptions = host.Privileged ? new[] { "nosuid", "noexec", "nodev" } : ["ro", "nosuid", "noexec", "nodev"];
        var defaults = new List<JsonObject>
        {
            Mount("/proc", "proc", "proc", "nosuid", "noexec", "nodev"),
            Mount("/dev", "tmpfs", "tmpfs", "nosuid", "strictatime", "mode=755", "size=65536k"),
            Mount("/dev/pts", "devpts", "devpts", "nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"),
            Mount("/sys", "sysfs", "sysfs", sysOptions),
            Mount("/sys/fs/cgroup", "cgroup", "cgroup", cgroupOptions),
            Mount("/dev/mqueue", "mqueue", "mqueue", "nosuid", "noexec", "nodev"),
            Mount("/dev/shm", "tmpfs", "shm", "nosuid", "noexec", "nodev", "mode=1777", $"size={shmSize}"),
        };
        if (etc.ResolvConf is not null) defaults.Add(Mount("/etc/resolv.conf", "bind", etc.ResolvConf, "rbind", "rprivate"));
        if (etc.Hostname is not null) defaults.Add(Mount("/etc/hostname", "bind", etc.Hostname, "rbind", "rprivate"));
        if (etc.Hosts is not null) defaults.Add(Mount("/etc/hosts", "bind", etc.Hosts, "rbind", "rprivate"));
        if (inputs.InitPath is not null) defaults.Add(Mount(InitBinary.ContainerPath, "bind", inputs.InitPath, "bind", "ro", "nosuid", "nodev"));

        var user = new List<JsonObject>();
        foreach (var m in inputs.Mounts) user.Add(Mount(m.Destination, m.Type, m.Source, [.. m.Options]));
        foreach (var (target, options) in host.Tmpfs ?? [])
        {
            // Docker's defaults first; the user's options after them win in runc (e.g. "exec" clears "noexec").
            var opts = new List<string> { "nosuid", "nodev", "noexec" };
            opts.AddRange(options.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            user.Add(Mount(target, "tmpfs", "tmpfs", [.. opts]));
        }
        // A user mount replaces a default one at the same place (e.g. -v x:/dev/shm); parents are mounted before children.
        var userTargets = user.Select(m => m["destination"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var result = new JsonArray();
        foreach (var m in defaults.Where(d => !userTargets.Contains(d["destination"]!.GetValue<string>()))) result.Add(m);
        foreach (var m in user.OrderBy(m => m["destination"]!.GetValue<string>().Count(ch => ch == '/'))) result.Add(m);
        return result;
    }

    private static JsonObject Ns(string type) => new() { ["type"] = type };

    private static JsonObject Mount(string destination, string type, string source, params string[] options) => new()
    {
        ["destination"] = destination, ["type"] = type, ["source"] = source, ["options"] = ToArray(options),
    };

    private static JsonArray ToArray(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);

    private static JsonArray ToArray(IEnumerable<JsonNode> values) => new([.. values]);
}
