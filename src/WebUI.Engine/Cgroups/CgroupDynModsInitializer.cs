using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebUI.Engine.Hosting;
using WebUI.Engine.Linux;

namespace WebUI.Engine.Cgroups;

/// <summary>
/// Turns on the cgroup2 mount's "favordynmods" option (Linux 6.0+) at engine start, unless
/// <see cref="EngineOptions.CgroupFavorDynMods"/> is off. Every container start moves runc's init into the container's
/// cgroups, and without the option the first move after a quiet moment waits for an RCU grace period (the kernel's
/// threadgroup lock is made for rare writers): 7 ms on these machines, up to 12 ms under load, in every `runc create`;
/// with it, 0.3 ms. The price, in the kernel's words, is "making hot path operations such as forks and exits more
/// expensive" (a shared lock instead of a per-CPU one). The lock is global, so the cgroup2 mount serves cgroup v1 and
/// hybrid hosts too. The kernel keeps favoring until the next boot (on 6.18 here, even after a remount that drops the
/// option from the mount's list); a kernel without the option leaves the mount as it was.
/// </summary>
internal sealed partial class CgroupDynModsInitializer(IOptions<EngineOptions> options, ILogger<CgroupDynModsInitializer> logger) : IEngineInitializer
{
    /// <summary>Before the containers are restored (200), after storage.</summary>
    public int Order => 150;

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.CgroupFavorDynMods) return Task.CompletedTask;
        var mount = CgroupMount.FindCgroup2(File.ReadLines("/proc/self/mountinfo"));
        if (mount is null)
        {
            LogNoCgroup2(logger);
            return Task.CompletedTask;
        }
        if (mount.FavorsDynMods) return Task.CompletedTask;
        try
        {
            Sys.mount("cgroup2", mount.MountPoint, null, Sys.MS_REMOUNT | mount.RemountFlags(), mount.RemountDataWithFavorDynMods());
            LogFavored(logger, mount.MountPoint);
        }
        catch (LinuxException e)
        {
            // EINVAL: a kernel before 6.0 has no such option; EPERM: no CAP_SYS_ADMIN in this mount namespace.
            LogNotFavored(logger, mount.MountPoint, e.Message);
        }
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "cgroup2 mount {MountPoint} remounted with favordynmods: moving a container's init into its cgroups no longer waits for an RCU grace period")]
    private static partial void LogFavored(ILogger logger, string mountPoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "cgroup2 mount {MountPoint} kept without favordynmods ({Reason}): each container start waits for an RCU grace period when runc moves its init into its cgroups")]
    private static partial void LogNotFavored(ILogger logger, string mountPoint, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "No cgroup2 mount: favordynmods not applied")]
    private static partial void LogNoCgroup2(ILogger logger);
}
