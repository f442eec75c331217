namespace WebUI.Engine.Containers;

/// <summary>The body of POST /containers/{id}/update (docker update): zero means "leave as it is", as in Docker.</summary>
public sealed class ContainerUpdate
{
    public long Memory { get; set; }
    public long MemorySwap { get; set; }
    public long MemoryReservation { get; set; }
    public long NanoCpus { get; set; }
    public long CpuShares { get; set; }
    public long CpuPeriod { get; set; }
    public long CpuQuota { get; set; }
    public string CpusetCpus { get; set; } = "";
    public string CpusetMems { get; set; } = "";
    public ushort BlkioWeight { get; set; }
    /// <summary>Null: unchanged; 0 or -1: unlimited.</summary>
    public long? PidsLimit { get; set; }
    public long KernelMemory { get; set; }
    public RestartPolicy? RestartPolicy { get; set; }
}
