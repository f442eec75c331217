using WebUI.DockerApi.Hosting;
using WebUI.Engine;
using WebUI.Engine.Linux;

namespace WebUI.DockerApi.Daemon;

/// <summary>GET /info, with the fields the docker CLI and docker-py read.</summary>
public sealed record InfoResponse
{
    public string ID { get; init; } = "";
    public int Containers { get; init; }
    public int ContainersRunning { get; init; }
    public int ContainersPaused { get; init; }
    public int ContainersStopped { get; init; }
    public int Images { get; init; }
    public string Driver { get; init; } = "overlay2";
    public IReadOnlyList<IReadOnlyList<string>> DriverStatus { get; init; } = [];
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Plugins { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public bool MemoryLimit { get; init; } = true;
    public bool SwapLimit { get; init; } = true;
    public bool CpuCfsPeriod { get; init; } = true;
    public bool CpuCfsQuota { get; init; } = true;
    public bool CPUShares { get; init; } = true;
    public bool CPUSet { get; init; } = true;
    public bool PidsLimit { get; init; } = true;
    public bool OomKillDisable { get; init; } = true;
    public bool IPv4Forwarding { get; init; }
    public bool Debug { get; init; }
    public int NFd { get; init; }
    public int NGoroutines { get; init; }
    public string SystemTime { get; init; } = "";
    public string LoggingDriver { get; init; } = "json-file";
    public string CgroupDriver { get; init; } = "cgroupfs";
    public string CgroupVersion { get; init; } = "1";
    public int NEventsListener { get; init; }
    public string KernelVersion { get; init; } = "";
    public string OperatingSystem { get; init; } = "";
    public string OSVersion { get; init; } = "";
    public string OSType { get; init; } = "linux";
    public string Architecture { get; init; } = "";
    public string IndexServerAddress { get; init; } = "https://index.docker.io/v1/";
    public int NCPU { get; init; }
    public long MemTotal { get; init; }
    public string DockerRootDir { get; init; } = "";
    public string Name { get; init; } = "";
    public IReadOnlyList<string> Labels { get; init; } = [];
    public bool ExperimentalBuild { get; init; }
    public string ServerVersion { get; init; } = "";
    public IReadOnlyDictionary<string, RuntimeInfo> Runtimes { get; init; } = new Dictionary<string, RuntimeInfo>();
    public string DefaultRuntime { get; init; } = "runc";
    public SwarmInfo Swarm { get; init; } = new();
    public bool LiveRestoreEnabled { get; init; }
    public string Isolation { get; init; } = "";
    public string InitBinary { get; init; } = "";
    public IReadOnlyList<string> SecurityOptions { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public static InfoResponse Create(EngineOptions o, int images) => new()
    {
        ID = HostFacts.HostName,
        Images = images,
        DriverStatus = [["Backing Filesystem", "extfs"], ["Supports d_type", "true"]],
        Plugins = new Dictionary<string, IReadOnlyList<string>>
        {
            ["Volume"] = ["local"],
            ["Network"] = ["host", "null"],
            ["Log"] = ["json-file"],
        },
        IPv4Forwarding = HostFacts.IPv4Forwarding,
        NFd = Directory.GetFiles("/proc/self/fd").Length,
        NGoroutines = System.Diagnostics.Process.GetCurrentProcess().Threads.Count,
        SystemTime = DateTimeOffset.Now.ToString("O"),
        CgroupVersion = HostFacts.CgroupVersion,
        KernelVersion = HostFacts.KernelVersion,
        OperatingSystem = HostFacts.OperatingSystem,
        OSVersion = HostFacts.OsVersion,
        Architecture = HostFacts.Architecture,
        NCPU = Environment.ProcessorCount,
        MemTotal = HostFacts.MemTotalBytes,
        DockerRootDir = o.DataRoot,
        Name = HostFacts.HostName,
        ServerVersion = ApiVersion.ServerVersion,
        Runtimes = new Dictionary<string, RuntimeInfo> { [Path.GetFileName(o.Runtime)] = new(o.Runtime) },
        DefaultRuntime = Path.GetFileName(o.Runtime),
        LiveRestoreEnabled = o.LiveRestore,
    };
}
