namespace WebUI.Engine.Security.Admission;

/// <summary>
/// What non-Admin callers may give a container, each off by default; an Admin turns them on (Admin settings page).
/// Admins and root are never restricted by these.
/// </summary>
public sealed record AdmissionSettings
{
    /// <summary>Host paths: Binds with an absolute source, Mounts type=bind, volumes with o=bind/device options, --volumes-from such containers.</summary>
    public bool AllowHostBinds { get; init; }

    /// <summary>--privileged (containers and exec).</summary>
    public bool AllowPrivileged { get; init; }

    /// <summary>--network/--pid/--ipc/--uts/--userns/--cgroupns host.</summary>
    public bool AllowHostNamespaces { get; init; }

    /// <summary>--cap-add.</summary>
    public bool AllowCapAdd { get; init; }

    /// <summary>--sysctl.</summary>
    public bool AllowSysctls { get; init; }

    /// <summary>--device, --device-cgroup-rule, --gpus.</summary>
    public bool AllowDevices { get; init; }

    /// <summary>--security-opt other than no-new-privileges (seccomp/apparmor unconfined, label=disable, systempaths=unconfined).</summary>
    public bool AllowSecurityOpt { get; init; }

    /// <summary>Anonymous pulls from the built-in registry.</summary>
    public bool AllowAnonymousRegistryPull { get; init; }
}
