using System.Text.Json.Nodes;
using WebUI.Engine.Containers;
using WebUI.Engine.Errors;
using WebUI.Engine.Linux;

namespace WebUI.Engine.Runtime;

/// <summary>
/// The block-IO part of linux.resources: weight, per-device weights and throttles, the devices named by their host
/// path and turned into major:minor when the spec is built (numbers can change across boots). As dockerd does, a weight
/// the kernel's blkio controller cannot take (no CFQ/BFQ weight files) is discarded with a warning.
/// </summary>
internal static class BlockIo
{
    private const string V1Root = "/sys/fs/cgroup/blkio";

    /// <summary>Rejects what dockerd rejects, and devices that are not block devices on this host; changes nothing.</summary>
    public static void Validate(HostConfig h)
    {
        foreach (var d in h.BlkioWeightDevice ?? [])
        {
            if (d.Weight is < 10 or > 1000) throw EngineException.Invalid($"invalid weight for device {d.Path}: {d.Weight} (range is from 10 to 1000)");
            Numbers(d.Path, "--blkio-weight-device");
        }
        foreach (var (list, _, flag) in Throttles(h)) foreach (var d in list) Numbers(d.Path, flag);
    }

    /// <summary>dockerd's warnings for weights the kernel cannot apply; those weights are dropped from <paramref name="h"/>.</summary>
    public static IReadOnlyList<string> DiscardUnsupported(HostConfig h)
    {
        var warnings = new List<string>();
        // cgroup v2 hosts take weights through io.weight / io.bfq.weight, which runc maps; v1 needs the CFQ or BFQ files.
        if (!Directory.Exists(V1Root)) return warnings;
        if (h.BlkioWeight > 0 && !HasAny("blkio.weight", "blkio.bfq.weight"))
        {
            warnings.Add("Your kernel does not support Block I/O weight or the cgroup is not mounted. Weight discarded.");
            h.BlkioWeight = 0;
        }
        if (h.BlkioWeightDevice is { Count: > 0 } && !HasAny("blkio.weight_device", "blkio.bfq.weight_device"))
        {
            warnings.Add("Your kernel does not support Block I/O weight_device or the cgroup is not mounted. Weight-device discarded.");
            h.BlkioWeightDevice = [];
        }
        return warnings;
    }

    /// <summary>The blockIO object of the spec, or null when nothing is asked.</summary>
    public static JsonObject? Build(HostConfig h, bool withDevices)
    {
        var o = new JsonObject();
        if (h.BlkioWeight > 0) o["weight"] = h.BlkioWeight;
        if (withDevices)
        {
            if (h.BlkioWeightDevice is { Count: > 0 } weights)
            {
                o["weightDevice"] = new JsonArray([.. weights.Select(d =>
                {
                    var (major, minor) = Numbers(d.Path, "--blkio-weight-device");
                    return (JsonNode)new JsonObject { ["major"] = major, ["minor"] = minor, ["weight"] = d.Weight };
                })]);
            }
            foreach (var (list, key, flag) in Throttles(h))
            {
                if (list.Count == 0) continue;
                o[key] = new JsonArray([.. list.Select(d =>
                {
                    var (major, minor) = Numbers(d.Path, flag);
                    return (JsonNode)new JsonObject { ["major"] = major, ["minor"] = minor, ["rate"] = d.Rate };
                })]);
            }
        }
        return o.Count > 0 ? o : null;
    }

    /// <summary>The four throttles that are set: each with its spec key and the docker run option that sets it (for errors).</summary>
    private static IEnumerable<(List<ThrottleDevice> List, string Key, string Flag)> Throttles(HostConfig h)
    {
        if (h.BlkioDeviceReadBps is { } a) yield return (a, "throttleReadBpsDevice", "--device-read-bps");
        if (h.BlkioDeviceWriteBps is { } b) yield return (b, "throttleWriteBpsDevice", "--device-write-bps");
        if (h.BlkioDeviceReadIOps is { } c) yield return (c, "throttleReadIOPSDevice", "--device-read-iops");
        if (h.BlkioDeviceWriteIOps is { } d) yield return (d, "throttleWriteIOPSDevice", "--device-write-iops");
    }

    /// <summary>The block device's major and minor numbers; InvalidArgument naming the option when the path is not one.</summary>
    private static (uint Major, uint Minor) Numbers(string path, string flag)
    {
        if (!path.StartsWith('/')) throw EngineException.Invalid($"{flag}: invalid device path \"{path}\": it must be absolute");
        StatxResult st;
        try { st = Sys.statx(Sys.AT_FDCWD, path, 0); }
        catch (LinuxException e) { throw EngineException.Invalid($"{flag}: {path}: {e.Message}"); }
        if (st.Type != StatxResult.S_IFBLK) throw EngineException.Invalid($"{flag}: {path} is not a block device");
        return (st.RdevMajor, st.RdevMinor);
    }

    private static bool HasAny(params string[] files) => files.Any(f => File.Exists(Path.Combine(V1Root, f)));
}
