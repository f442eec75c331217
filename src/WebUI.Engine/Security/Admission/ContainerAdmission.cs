using System.Text.Json;
using Microsoft.Extensions.Options;
using WebUI.Engine.Containers;
using WebUI.Engine.Containers.Exec;
using WebUI.Engine.Errors;
using WebUI.Engine.Volumes;

namespace WebUI.Engine.Security.Admission;

/// <summary>
/// Checks the engine's create request (Config + HostConfig) as a whole: host paths are looked for in Binds, Mounts
/// (type=bind, and type=volume with driver options), existing volumes named by either, --volumes-from containers that
/// have host mounts, and devices, so no field is a way around another.
/// </summary>
internal sealed class ContainerAdmission(
    ContainerStore store,
    IVolumeService volumes,
    IAdmissionSettingsStore settings,
    IOptions<AdmissionOptions> options) : IContainerAdmission
{
    private const string AnotherTeam = "it belongs to another team";
    private static readonly string[] NamespaceModes = ["NetworkMode", "PidMode", "IpcMode", "UTSMode", "UsernsMode", "CgroupnsMode"];

    public void AdmitCreate(ContainerCreateRequest request)
    {
        var caller = Callers.Resolve(options.Value, "container create");
        if (!caller.CanChange) throw ReadOnly(caller, "container create");
        var team = TeamScope.AssignFor(caller, request.Labels, "container create");
        if (!caller.IsAdmin)
        {
            var refusal = new AdmissionRefusal(caller, "container create");
            Check(request.HostConfig ?? new HostConfig(), settings.Current, refusal);
            refusal.ThrowIfAny();
        }
        if (team is not null)
        {
            request.Labels ??= new Dictionary<string, string>(StringComparer.Ordinal);
            request.Labels[TeamScope.Label] = team;
        }
    }

    public void AdmitExec(ContainerRecord container, ExecConfig config)
    {
        var caller = Callers.Resolve(options.Value, "exec");
        if (!caller.CanChange) throw ReadOnly(caller, $"exec in {container.Name.TrimStart('/')}");
        if (caller.IsAdmin) return;
        var refusal = new AdmissionRefusal(caller, $"exec in {container.Name.TrimStart('/')}");
        refusal.Add(!config.Privileged || settings.Current.AllowPrivileged, "--privileged", "Allow privileged");
        refusal.ThrowIfAny();
    }

    public void AdmitChange(ContainerRecord container, string what)
    {
        var caller = Callers.Resolve(options.Value, what);
        if (!caller.CanChange) throw ReadOnly(caller, $"{what} of {container.Name.TrimStart('/')}");
    }

    private static EngineException ReadOnly(Caller caller, string what) =>
        new(ErrorKind.Forbidden, $"{what} refused for {caller.Name} ({caller.Role}): the role is read-only");

    private void Check(HostConfig host, AdmissionSettings allow, AdmissionRefusal refusal)
    {
        foreach (var problem in HostPathProblems(host))
            refusal.Add(allow.AllowHostBinds && !problem.EndsWith(AnotherTeam, StringComparison.Ordinal), problem, "Allow host bind mounts");
        refusal.Add(!host.Privileged || allow.AllowPrivileged, "--privileged", "Allow privileged");
        foreach (var (field, value) in Namespaces(host))
            if (value == "host") refusal.Add(allow.AllowHostNamespaces, $"{field}=host (the host's namespace)", "Allow host namespaces");
        if (host.CapAdd is { Count: > 0 })
            refusal.Add(allow.AllowCapAdd, $"--cap-add {string.Join(",", host.CapAdd)}", "Allow added capabilities");
        if (host.Sysctls is { Count: > 0 })
            refusal.Add(allow.AllowSysctls, $"--sysctl {string.Join(",", host.Sysctls.Keys)}", "Allow sysctls");
        if (host.Devices is { Count: > 0 })
            refusal.Add(allow.AllowDevices, $"--device {string.Join(",", host.Devices.Select(d => d.PathOnHost))}", "Allow devices");
        foreach (var key in (string[])["DeviceCgroupRules", "DeviceRequests"])
            if (NonEmptyArray(host.Extra, key)) refusal.Add(allow.AllowDevices, $"HostConfig.{key}", "Allow devices");
        foreach (var opt in host.SecurityOpt ?? [])
            if (opt is not ("no-new-privileges" or "no-new-privileges:true" or "no-new-privileges=true"))
                refusal.Add(allow.AllowSecurityOpt, $"--security-opt {opt}", "Allow security options");
        foreach (var key in (string[])["MaskedPaths", "ReadonlyPaths"])
            if (host.Extra is not null && host.Extra.TryGetValue(key, out var v) && v.ValueKind != JsonValueKind.Null)
                refusal.Add(allow.AllowSecurityOpt, $"HostConfig.{key} (systempaths=unconfined)", "Allow security options");
    }

    private static IEnumerable<(string Field, string Value)> Namespaces(HostConfig host)
    {
        yield return (NamespaceModes[0], host.NetworkMode);
        yield return (NamespaceModes[1], host.PidMode);
        yield return (NamespaceModes[2], host.IpcMode);
        yield return (NamespaceModes[3], host.UTSMode);
        yield return (NamespaceModes[4], host.UsernsMode);
        yield return (NamespaceModes[5], host.CgroupnsMode);
    }

    /// <summary>Every way the request reaches a host path, each named by the field that asks for it.</summary>
    private IEnumerable<string> HostPathProblems(HostConfig host)
    {
        foreach (var (bind, i) in (host.Binds ?? []).Select((b, i) => (b, i)))
        {
            var source = HostPaths.BindSource(bind);
            if (HostPaths.IsPathSource(source)) yield return $"host bind mount {source} (HostConfig.Binds[{i}])";
            else if (source.Length > 0 && ExistingVolumeProblem(source) is { } p) yield return $"volume {source} (HostConfig.Binds[{i}]): {p}";
        }
        foreach (var (mount, i) in (host.Mounts ?? []).Select((m, i) => (m, i)))
        {
            if (mount.Type == "bind") yield return $"host bind mount {mount.Source} (HostConfig.Mounts[{i}], type=bind)";
            else if (mount.Type == "volume")
            {
                if (HostPaths.VolumeOptionProblem(mount.VolumeOptions?.DriverConfig?.Options) is { } p)
                    yield return $"HostConfig.Mounts[{i}]: {p}";
                else if (mount.Source.Length > 0 && ExistingVolumeProblem(mount.Source) is { } q)
                    yield return $"volume {mount.Source} (HostConfig.Mounts[{i}]): {q}";
            }
        }
        foreach (var from in host.VolumesFrom ?? [])
        {
            var source = store.TryGet(from.Split(':')[0]);
            if (source is null) continue;
            if (HasHostMounts(source)) yield return $"--volumes-from {from}: that container has host mounts";
        }
    }

    private string? ExistingVolumeProblem(string name)
    {
        var volume = volumes.Find(name);
        if (volume is null) return null;
        if (!TeamScope.CanSee(volume.Labels)) return AnotherTeam;
        return HostPaths.VolumeOptionProblem(volume.Options);
    }

    private bool HasHostMounts(ContainerRecord container)
    {
        if (container.MountPoints.Any(m => m.Type == "bind")) return true;
        if (container.MountPoints.Any(m => m.Type == "volume" && m.Name.Length > 0 && ExistingVolumeProblem(m.Name) is not null)) return true;
        // Mount points of a created container already hold what --volumes-from passed on; its request is checked too.
        return (container.HostConfig.Binds ?? []).Any(b => HostPaths.IsPathSource(HostPaths.BindSource(b)))
            || (container.HostConfig.Mounts ?? []).Any(m => m.Type == "bind");
    }

    private static bool NonEmptyArray(Dictionary<string, JsonElement>? extra, string key) =>
        extra is not null && extra.TryGetValue(key, out var v) && v.ValueKind == JsonValueKind.Array && v.GetArrayLength() > 0;
}
