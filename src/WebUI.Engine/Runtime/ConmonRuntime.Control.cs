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
