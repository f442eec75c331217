namespace WebUI.Engine;

/// <summary>Where the engine keeps its state and which runtime it drives; bound from the "Engine" section.</summary>
public sealed class EngineOptions
{
    public const string SectionName = "Engine";

    /// <summary>Persistent state: content store, snapshots, containers, volumes, networks, webui.db.</summary>
    public string DataRoot { get; set; } = "/var/lib/webui";

    /// <summary>Volatile state: conmon sockets and pid files, exit files, the Docker API socket.</summary>
    public string ExecRoot { get; set; } = "/run/webui";

    /// <summary>The OCI runtime: "runc" (default) or "crun", or an absolute path to one of them.</summary>
    public string Runtime { get; set; } = "runc";

    /// <summary>The conmon binary that monitors each container.</summary>
    public string Conmon { get; set; } = "conmon";

    /// <summary>Seconds a stop waits after the stop signal before it sends SIGKILL, unless the container says otherwise.</summary>
    public int DefaultStopTimeoutSeconds { get; set; } = 10;

    /// <summary>Docker's default seccomp profile (Docker's JSON format); deploy/install-deps.sh puts Debian's copy here.</summary>
    public string SeccompProfile { get; set; } = "/usr/local/share/webui/seccomp/default.json";

    /// <summary>The static init binary for --init (Docker's --init-path); empty: tini-static or catatonit from the host.</summary>
    public string InitPath { get; set; } = "";

    /// <summary>Keep containers running when the server stops and re-adopt them at start (live restore).</summary>
    public bool LiveRestore { get; set; } = true;

    /// <summary>
    /// Remount the host's cgroup2 hierarchy with "favordynmods" at start (Linux 6.0+), so that moving each container's
    /// init into its cgroups does not wait for an RCU grace period (7-12 ms of every start here); false leaves the host's
    /// cgroup mounts alone. See Cgroups/CgroupDynModsInitializer.
    /// </summary>
    public bool CgroupFavorDynMods { get; set; } = true;
}
