using WebUI.Engine.Errors;

namespace WebUI.Engine.Runtime;

// Freezing and thawing a container (runc pause/resume: the freezer cgroup on v1, cgroup.freeze on v2).
internal sealed partial class ConmonRuntime
{
    public async Task PauseAsync(string id, CancellationToken cancellationToken)
    {
        var r = await RuncAsync(["pause", id], cancellationToken);
        if (r.ExitCode != 0) throw new EngineException(ErrorKind.Internal, "OCI runtime pause failed: " + r.Message);
    }

    public async Task ResumeAsync(string id, CancellationToken cancellationToken)
    {
        var r = await RuncAsync(["resume", id], cancellationToken);
        if (r.ExitCode != 0) throw new EngineException(ErrorKind.Internal, "OCI runtime resume failed: " + r.Message);
    }

    /// <summary>The container's cgroup below each hierarchy (the spec's cgroupsPath).</summary>
    public static string CgroupPath(string id) => $"/webui/{id}";

    /// <summary>
    /// How often the kernel's OOM killer has killed a process of the container's cgroup: "oom_kill N" in memory.events
    /// (v2) or memory.oom_control (v1, kernel 4.13+). Read before `runc delete` removes the cgroup; 0 when it is gone.
    /// </summary>
    public static long OomKills(string id, string cgroupRoot = "/sys/fs/cgroup")
    {
        var v2 = File.Exists(Path.Combine(cgroupRoot, "cgroup.controllers"));
        var file = v2 ? $"{cgroupRoot}{CgroupPath(id)}/memory.events" : $"{cgroupRoot}/memory{CgroupPath(id)}/memory.oom_control";
        try
        {
            foreach (var line in File.ReadLines(file))
                if (line.StartsWith("oom_kill ", StringComparison.Ordinal) && long.TryParse(line.AsSpan(9), out var n)) return n;
        }
        catch (IOException) { }
        return 0;
    }

    /// <summary>Pids in the container's cgroup (pids controller on v1, the unified hierarchy on v2); empty when it is gone.</summary>
    public static IReadOnlyList<int> CgroupPids(string id)
    {
        var v2 = File.Exists("/sys/fs/cgroup/cgroup.controllers");
        var file = v2 ? $"/sys/fs/cgroup{CgroupPath(id)}/cgroup.procs" : $"/sys/fs/cgroup/pids{CgroupPath(id)}/cgroup.procs";
        try
        {
            return [.. File.ReadAllLines(file).Select(l => int.TryParse(l, out var p) ? p : 0).Where(p => p > 0)];
        }
        catch (IOException) { return []; }
    }
}
