using System.Text.Json.Nodes;
using WebUI.Engine.Containers;
using WebUI.Engine.Errors;
using WebUI.Engine.Linux;

namespace WebUI.Engine.Runtime;

/// <summary>
/// The devices a container gets: Docker's device cgroup allow-list (deny all, then the standard character devices),
/// --device mappings (the node in linux.devices plus an allow rule), and every host device for --privileged.
/// </summary>
internal static class DeviceRules
{
    /// <summary>(type, major, minor (-1: any), access) as in Docker's oci/defaults.go.</summary>
    private static readonly (string Type, long Major, long Minor, string Access)[] DefaultAllowed =
    [
        ("c", -1, -1, "m"), ("b", -1, -1, "m"),
        ("c", 1, 3, "rwm"), ("c", 1, 5, "rwm"), ("c", 1, 7, "rwm"), ("c", 1, 8, "rwm"), ("c", 1, 9, "rwm"),
        ("c", 5, 0, "rwm"), ("c", 5, 1, "rwm"), ("c", 5, 2, "rwm"), ("c", 136, -1, "rwm"), ("c", 10, 200, "rwm"),
    ];

    private static readonly HashSet<string> SkippedHostDirs = ["pts", "shm", "fd", "mqueue", ".lxc", ".lxd-mounts", ".udev"];

    /// <summary>A device node for linux.devices.</summary>
    public sealed record Node(string Path, string Type, uint Major, uint Minor, uint FileMode, uint Uid, uint Gid, string Access);

    /// <summary>Checks --device values before anything is created (host path must be a device or a directory of them).</summary>
    public static void Validate(IEnumerable<DeviceMapping>? devices)
    {
        foreach (var d in devices ?? []) Resolve(d);
    }

    /// <summary>The nodes for --device mappings, or every host device when privileged.</summary>
    public static IReadOnlyList<Node> Nodes(HostConfig host)
    {
        var nodes = new List<Node>();
        if (host.Privileged) nodes.AddRange(HostDevices("/dev", "/dev"));
        foreach (var d in host.Devices ?? [])
            foreach (var n in Resolve(d))
            {
                nodes.RemoveAll(x => x.Path == n.Path);
                nodes.Add(n);
            }
        return nodes;
    }

    /// <summary>linux.resources.devices: allow all when privileged; else deny all, the defaults, then the mapped devices.</summary>
    public static JsonArray CgroupRules(HostConfig host, IReadOnlyList<Node> nodes)
    {
        if (host.Privileged) return [new JsonObject { ["allow"] = true, ["access"] = "rwm" }];
        var rules = new JsonArray { new JsonObject { ["allow"] = false, ["access"] = "rwm" } };
        foreach (var (type, major, minor, access) in DefaultAllowed) rules.Add(Rule(type, major, minor, access));
        foreach (var n in nodes) rules.Add(Rule(n.Type, n.Major, n.Minor, n.Access));
        return rules;
    }

    public static JsonObject ToSpec(Node n) => new()
    {
        ["path"] = n.Path, ["type"] = n.Type, ["major"] = n.Major, ["minor"] = n.Minor,
        ["fileMode"] = n.FileMode, ["uid"] = n.Uid, ["gid"] = n.Gid,
    };

    private static JsonObject Rule(string type, long major, long minor, string access)
    {
        var rule = new JsonObject { ["allow"] = true, ["type"] = type, ["access"] = access };
        if (major >= 0) rule["major"] = major;
        if (minor >= 0) rule["minor"] = minor;
        return rule;
    }

    private static List<Node> Resolve(DeviceMapping d)
    {
        var host = d.PathOnHost;
        var target = string.IsNullOrEmpty(d.PathInContainer) ? host : d.PathInContainer;
        var access = string.IsNullOrEmpty(d.CgroupPermissions) ? "rwm" : d.CgroupPermissions;
        if (!host.StartsWith('/') || !target.StartsWith('/'))
            throw EngineException.Invalid($"invalid device mapping \"{host}:{target}\": paths must be absolute");
        if (access.Length > 3 || access.Any(c => c is not ('r' or 'w' or 'm')) || access.Distinct().Count() != access.Length)
            throw EngineException.Invalid($"invalid device cgroup permissions \"{access}\": use a combination of r, w and m");
        StatxResult st;
        try { st = Sys.statx(Sys.AT_FDCWD, host, 0); }
        catch (LinuxException e) { throw EngineException.Invalid($"error gathering device information while adding custom device \"{host}\": {e.Message}"); }
        if (st.IsDirectory)
        {
            // Docker maps every device below a directory, keeping the relative layout under the target.
            var found = HostDevices(host, target).Select(n => n with { Access = access }).ToList();
            if (found.Count == 0) throw EngineException.Invalid($"error gathering device information while adding custom device \"{host}\": no devices found in the directory");
            return found;
        }
        var node = NodeOf(st, target) ?? throw EngineException.Invalid($"error gathering device information while adding custom device \"{host}\": not a device node");
        return [node with { Access = access }];
    }

    private static Node? NodeOf(StatxResult st, string target)
    {
        var type = st.Type switch { StatxResult.S_IFCHR => "c", StatxResult.S_IFBLK => "b", _ => null };
        return type is null ? null : new Node(target, type, st.RdevMajor, st.RdevMinor, st.Permissions, st.Uid, st.Gid, "rwm");
    }

    private static IEnumerable<Node> HostDevices(string dir, string targetDir)
    {
        IEnumerable<string> entries;
        try { entries = Directory.EnumerateFileSystemEntries(dir); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { yield break; }
        foreach (var entry in entries)
        {
            var name = Path.GetFileName(entry);
            StatxResult st;
            try { st = Sys.lstat(entry); }
            catch (LinuxException) { continue; }
            var target = Path.Combine(targetDir, name);
            if (st.IsDirectory)
            {
                if (dir == "/dev" && SkippedHostDirs.Contains(name)) continue;
                foreach (var n in HostDevices(entry, target)) yield return n;
                continue;
            }
            if (dir == "/dev" && name == "console") continue;
            if (NodeOf(st, target) is { } node) yield return node;
        }
    }
}
