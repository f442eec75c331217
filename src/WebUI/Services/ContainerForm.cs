namespace WebUI.Services;

/// <summary>The create/run form: what `docker run` takes, for the options this engine runs.</summary>
public sealed class ContainerForm
{
    public string Image { get; set; } = "";
    public string? Name { get; set; }
    /// <summary>Split like a shell: quotes group words.</summary>
    public string? Command { get; set; }
    public string? Entrypoint { get; set; }
    /// <summary>"KEY=value" a line.</summary>
    public string? Env { get; set; }
    /// <summary>"volume:/path", "/host/dir:/path" or with ":ro", a line.</summary>
    public string? Volumes { get; set; }
    /// <summary>--mount lines: type=volume|bind|tmpfs,source=,target=[,readonly].</summary>
    public string? Mounts { get; set; }
    /// <summary>-p lines: [ip:][hostPort:]containerPort[/udp].</summary>
    public string? Ports { get; set; }
    /// <summary>bridge (the default network), none, host, or a user-defined network's name.</summary>
    public string Network { get; set; } = "bridge";
    public string RestartPolicy { get; set; } = "no";
    /// <summary>Megabytes; null or 0 for no limit.</summary>
    public int? MemoryMb { get; set; }
    /// <summary>CPUs, e.g. 0.5; null or 0 for no limit.</summary>
    public double? Cpus { get; set; }
    /// <summary>"key=value" a line.</summary>
    public string? Labels { get; set; }
    public bool Tty { get; set; }
    /// <summary>Start it after creating (docker run -d) rather than only create.</summary>
    public bool Start { get; set; } = true;
}
