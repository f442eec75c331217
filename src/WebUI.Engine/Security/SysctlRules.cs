using WebUI.Engine.Errors;

namespace WebUI.Engine.Security;

/// <summary>
/// Docker's --sysctl validation: only namespaced sysctls (IPC: kernel.msg*, kernel.sem, kernel.shm*, fs.mqueue.*;
/// network: net.*) may be set, and only when the container has its own namespace of that kind.
/// </summary>
public static class SysctlRules
{
    private static readonly HashSet<string> IpcNames =
    [
        "kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem", "kernel.shmall", "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced",
    ];

    public static void Validate(IReadOnlyDictionary<string, string>? sysctls, bool hostNetwork, bool hostIpc)
    {
        foreach (var (name, value) in sysctls ?? new Dictionary<string, string>())
        {
            if (name.Length == 0 || name.Contains('/') || name.Contains("..", StringComparison.Ordinal) || value.Contains('\n'))
                throw EngineException.Invalid($"sysctl '{name}={value}' is not valid");
            var ipc = IpcNames.Contains(name) || name.StartsWith("fs.mqueue.", StringComparison.Ordinal);
            var net = name.StartsWith("net.", StringComparison.Ordinal);
            if (!ipc && !net)
                throw EngineException.Invalid($"sysctl '{name}' is not allowed: only namespaced sysctls (kernel.msg*, kernel.sem, kernel.shm*, fs.mqueue.*, net.*) can be set in a container");
            if (net && hostNetwork) throw EngineException.Invalid($"sysctl \"{name}\" not allowed in host network namespace");
            if (ipc && hostIpc) throw EngineException.Invalid($"sysctl \"{name}\" not allowed in host IPC namespace");
        }
    }
}
