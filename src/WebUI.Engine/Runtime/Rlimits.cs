using System.Text.Json.Nodes;
using WebUI.Engine.Containers;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Runtime;

/// <summary>process.rlimits: Docker's defaults (nofile, nproc) overridden by --ulimit, each capped to the host's hard limit (runc cannot raise it).</summary>
internal static class Rlimits
{
    /// <summary>Docker's --ulimit names → (RLIMIT_ constant, the row name in /proc/self/limits).</summary>
    private static readonly Dictionary<string, (string Type, string ProcName)> Known = new(StringComparer.Ordinal)
    {
        ["core"] = ("RLIMIT_CORE", "Max core file size"), ["cpu"] = ("RLIMIT_CPU", "Max cpu time"),
        ["data"] = ("RLIMIT_DATA", "Max data size"), ["fsize"] = ("RLIMIT_FSIZE", "Max file size"),
        ["locks"] = ("RLIMIT_LOCKS", "Max file locks"), ["memlock"] = ("RLIMIT_MEMLOCK", "Max locked memory"),
        ["msgqueue"] = ("RLIMIT_MSGQUEUE", "Max msgqueue size"), ["nice"] = ("RLIMIT_NICE", "Max nice priority"),
        ["nofile"] = ("RLIMIT_NOFILE", "Max open files"), ["nproc"] = ("RLIMIT_NPROC", "Max processes"),
        ["rss"] = ("RLIMIT_RSS", "Max resident set"), ["rtprio"] = ("RLIMIT_RTPRIO", "Max realtime priority"),
        ["rttime"] = ("RLIMIT_RTTIME", "Max realtime timeout"), ["sigpending"] = ("RLIMIT_SIGPENDING", "Max pending signals"),
        ["stack"] = ("RLIMIT_STACK", "Max stack size"), ["as"] = ("RLIMIT_AS", "Max address space"),
    };

    public static void Validate(IEnumerable<Ulimit>? ulimits)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var u in ulimits ?? [])
        {
            if (!Known.ContainsKey(u.Name)) throw EngineException.Invalid($"invalid ulimit type: {u.Name}");
            if (!seen.Add(u.Name)) throw EngineException.Invalid($"duplicate ulimit: {u.Name}");
            if (u.Soft > u.Hard && u.Hard != -1) throw EngineException.Invalid($"ulimit soft limit must be less than or equal to hard limit: {u.Soft} > {u.Hard}");
        }
    }

    public static JsonArray Build(IEnumerable<Ulimit>? ulimits)
    {
        var limits = new Dictionary<string, (ulong Soft, ulong Hard)>(StringComparer.Ordinal)
        {
            ["nofile"] = (1048576, 1048576),
            ["nproc"] = (1048576, 1048576),
        };
        foreach (var u in ulimits ?? []) limits[u.Name] = (ToLimit(u.Soft), ToLimit(u.Hard));
        var result = new JsonArray();
        foreach (var (name, (soft, hard)) in limits)
        {
            var (type, procName) = Known[name];
            var cappedHard = HostLimits.Cap(procName, hard);
            result.Add(new JsonObject { ["type"] = type, ["hard"] = cappedHard, ["soft"] = Math.Min(soft, cappedHard) });
        }
        return result;
    }

    private static ulong ToLimit(long v) => v < 0 ? ulong.MaxValue : (ulong)v;
}
