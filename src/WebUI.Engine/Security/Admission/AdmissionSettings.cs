namespace WebUI.Engine.Security.Admission;

/// <summary>
/// What non-Admin callers may give a container, each off by default; an Admin turns them on (Admin settings page).
/// Admins and root are never restricted by these. The one model of these switches: the store keeps it, the Admin page's
/// form binds to it (so its properties are settable; the store hands out and keeps copies).
/// </summary>
public sealed record AdmissionSettings
{
    /// <summary>Host paths: Binds with an absolute source, Mounts type=bind, volumes with o=bind/device options, --volumes-from such containers.</summary>
    public bool AllowHostBinds { get; set; }

    /// <summary>--privileged (containers and exec).</summary>
    public bool AllowPrivileged { get; set; }

    /// <summary>--network/--pid/--ipc/--uts/--userns/--cgroupns host.</summary>
    public bool AllowHostNamespaces { get; set; }

    /// <summary>--cap-add.</summary>
    public bool AllowCapAdd { get; set; }

    /// <summary>--sysctl.</summary>
    public bool AllowSysctls { get; set; }

    /// <summary>--device, --device-cgroup-rule, --gpus.</summary>
    public bool AllowDevices { get; set; }

    /// <summary>--security-opt other than no-new-privileges (seccomp/apparmor unconfined, label=disable, systempaths=unconfined).</summary>
    public bool AllowSecurityOpt { get; set; }

    /// <summary>Networks that put containers on a host interface (macvlan, ipvlan: their parent= option): on the host's own network segment.</summary>
    public bool AllowHostInterfaceNetworks { get; set; }

    /// <summary>Anonymous pulls from the built-in registry.</summary>
    public bool AllowAnonymousRegistryPull { get; set; }
}
