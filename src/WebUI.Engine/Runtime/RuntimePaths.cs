namespace WebUI.Engine.Runtime;

/// <summary>
/// Where a container's files live. Persistent (data root): record, OCI bundle and log. Volatile (exec root, short names
/// because conmon's attach socket path must fit sun_path's 108 bytes): pid files, exit files, socket links, runc state.
/// </summary>
internal sealed class RuntimePaths(string dataRoot, string execRoot)
{
    public string ContainersRoot => Path.Combine(dataRoot, "containers");
    public string ContainerDir(string id) => Path.Combine(ContainersRoot, id);
    /// <summary>Where a removed container's directory waits for its files to be deleted (&lt;DataRoot&gt;/tmp, swept at start).</summary>
    public string RemovedContainerDir(string id) => Path.Combine(TempRoot, RemovedPrefix + id);
    public string TempRoot => Path.Combine(dataRoot, "tmp");
    public const string RemovedPrefix = "removed-";
    public string RecordFile(string id) => Path.Combine(ContainerDir(id), "config.json");
    public string BundleDir(string id) => Path.Combine(ContainerDir(id), "bundle");
    public string RootfsDir(string id) => Path.Combine(BundleDir(id), "rootfs");
    public string SpecFile(string id) => Path.Combine(BundleDir(id), "config.json");
    public string LogFile(string id) => Path.Combine(ContainerDir(id), "container.log");
    public string HostnameFile(string id) => Path.Combine(ContainerDir(id), "hostname");
    public string HostsFile(string id) => Path.Combine(ContainerDir(id), "hosts");
    public string ResolvConfFile(string id) => Path.Combine(ContainerDir(id), "resolv.conf");
    /// <summary>conmon's control fifo, made in the bundle: "1 height width\n" resizes the terminal.</summary>
    public string CtlFifo(string id) => Path.Combine(BundleDir(id), "ctl");

    public string ExecDir(string id) => Path.Combine(execRoot, "c", id);
    public string PidFile(string id) => Path.Combine(ExecDir(id), "pid");
    public string ConmonPidFile(string id) => Path.Combine(ExecDir(id), "conmon.pid");
    public string ExitDir => Path.Combine(execRoot, "x");
    public string ExitFile(string id) => Path.Combine(ExitDir, id);
    public string SocketDir => Path.Combine(execRoot, "s");
    public string RuncRoot => Path.Combine(execRoot, "runc");
    /// <summary>An exec session's conmon bundle: process spec, pid file, control fifo, attach socket, exit dir.</summary>
    public string ExecSessionDir(string execId) => Path.Combine(execRoot, "e", execId[..12]);

    /// <summary>The name conmon links in <see cref="SocketDir"/> to the bundle (its -u); short to keep the socket path short.</summary>
    public static string ConmonUuid(string id) => id[..12];

    /// <summary>conmon's attach socket (SOCK_SEQPACKET), reached through the short link &lt;socket dir&gt;/&lt;uuid&gt;.</summary>
    public string AttachSocket(string id) => Path.Combine(SocketDir, ConmonUuid(id), "attach");
}
