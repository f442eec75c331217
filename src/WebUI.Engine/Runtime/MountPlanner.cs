using WebUI.Engine.Containers;
using WebUI.Engine.Errors;
using WebUI.Engine.Volumes;

namespace WebUI.Engine.Runtime;

/// <summary>
/// Decides a container's mounts at create, with Docker's precedence: --volumes-from first, then Binds (-v), then
/// Mounts (--mount; a destination both name is an error), then the anonymous volumes of Config.Volumes (-v /path and
/// the image's VOLUME) where nothing else is mounted. Named volumes are created when missing, anonymous ones made new.
/// </summary>
internal static class MountPlanner
{
    /// <summary>Checks everything that does not need the volume service or other containers; changes nothing.</summary>
    public static void Validate(HostConfig host)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var b in host.Binds ?? [])
        {
            var spec = BindSpec.Parse(b);
            if (!seen.Add(spec.Target)) throw EngineException.Invalid($"Duplicate mount point: {spec.Target}");
        }
        foreach (var m in host.Mounts ?? [])
        {
            ValidateMount(m);
            if (!seen.Add(Path.TrimEndingDirectorySeparator(m.Target))) throw EngineException.Invalid($"Duplicate mount point: {m.Target}");
        }
        foreach (var (target, _) in host.Tmpfs ?? [])
            if (!target.StartsWith('/')) throw EngineException.Invalid($"invalid tmpfs mount point '{target}': mount path must be absolute");
        foreach (var from in host.VolumesFrom ?? [])
            ParseVolumesFrom(from);
    }

    public static async Task<List<MountPoint>> PlanAsync(
        HostConfig host, ContainerConfig config, Func<string, ContainerRecord> getContainer, IVolumeService volumes, CancellationToken cancellationToken)
    {
        var byTarget = new Dictionary<string, MountPoint>(StringComparer.Ordinal);

        foreach (var from in host.VolumesFrom ?? [])
        {
            var (name, mode) = ParseVolumesFrom(from);
            var source = getContainer(name);
            foreach (var m in source.MountPoints.Where(m => m.Type is "volume" or "bind"))
            {
                var rw = mode is null ? m.RW : mode == "rw";
                byTarget[m.Destination] = m with { RW = rw, Mode = mode ?? m.Mode, CopyData = false, CreateSource = false };
            }
        }

        foreach (var b in host.Binds ?? [])
        {
            var spec = BindSpec.Parse(b);
            if (spec.IsBind)
            {
                byTarget[spec.Target] = new MountPoint
                {
                    Type = "bind", Source = spec.Source, Destination = spec.Target, Mode = spec.Mode, RW = !spec.ReadOnly,
                    Propagation = spec.Propagation.Length > 0 ? spec.Propagation : "rprivate", CreateSource = true,
                };
                continue;
            }
            var v = await volumes.CreateAsync(new VolumeCreateOptions { Name = spec.Source }, cancellationToken);
            byTarget[spec.Target] = VolumeMount(v, spec.Target, spec.Mode, !spec.ReadOnly, !spec.NoCopy);
        }

        var fromMounts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in host.Mounts ?? [])
        {
            var target = Path.TrimEndingDirectorySeparator(m.Target);
            if (!fromMounts.Add(target) || (host.Binds ?? []).Any(b => BindSpec.Parse(b).Target == target))
                throw EngineException.Invalid($"Duplicate mount point: {target}");
            byTarget[target] = m.Type switch
            {
                "bind" => BindMount(m, target),
                "volume" => await VolumeMountAsync(m, target, volumes, cancellationToken),
                _ => TmpfsMount(m, target),
            };
        }

        foreach (var target in (config.Volumes ?? []).Keys.Select(Path.TrimEndingDirectorySeparator))
        {
            if (!target.StartsWith('/')) throw EngineException.Invalid($"invalid volume specification: '{target}': mount path must be absolute");
            if (byTarget.ContainsKey(target) || host.Tmpfs?.ContainsKey(target) == true) continue;
            var v = await volumes.CreateAsync(new VolumeCreateOptions(), cancellationToken);
            byTarget[target] = VolumeMount(v, target, "", rw: true, copy: true);
        }

        return [.. byTarget.Values.OrderBy(m => m.Destination.Count(c => c == '/')).ThenBy(m => m.Destination, StringComparer.Ordinal)];
    }

    private static MountPoint VolumeMount(VolumeRecord v, string target, string mode, bool rw, bool copy) => new()
    {
        Type = "volume", Name = v.Name, Source = v.Mountpoint, Destination = target, Driver = v.Driver, Mode = mode, RW = rw, CopyData = copy,
    };

    private static async Task<MountPoint> VolumeMountAsync(MountRequest m, string target, IVolumeService volumes, CancellationToken cancellationToken)
    {
        var o = m.VolumeOptions;
        var v = await volumes.CreateAsync(new VolumeCreateOptions
        {
            Name = string.IsNullOrEmpty(m.Source) ? null : m.Source,
            Driver = o?.DriverConfig?.Name,
            DriverOpts = o?.DriverConfig?.Options ?? new Dictionary<string, string>(),
            Labels = o?.Labels ?? new Dictionary<string, string>(),
        }, cancellationToken);
        return VolumeMount(v, target, "z", !m.ReadOnly, o?.NoCopy != true);
    }

    private static MountPoint BindMount(MountRequest m, string target)
    {
        if (!Directory.Exists(m.Source) && !File.Exists(m.Source))
            throw EngineException.Invalid($"invalid mount config for type \"bind\": bind source path does not exist: {m.Source}");
        var propagation = string.IsNullOrEmpty(m.BindOptions?.Propagation) ? "rprivate" : m.BindOptions.Propagation;
        return new MountPoint
        {
            Type = "bind", Source = m.Source, Destination = target, RW = !m.ReadOnly, Propagation = propagation,
            NonRecursive = m.BindOptions?.NonRecursive == true,
        };
    }

    private static MountPoint TmpfsMount(MountRequest m, string target)
    {
        var options = new List<string>();
        if (m.TmpfsOptions is { SizeBytes: > 0 } t) options.Add($"size={t.SizeBytes}");
        if (m.TmpfsOptions is { Mode: > 0 } tm) options.Add($"mode={Convert.ToString(tm.Mode, 8)}");
        return new MountPoint { Type = "tmpfs", Destination = target, RW = !m.ReadOnly, TmpfsOptions = string.Join(',', options) };
    }

    private static void ValidateMount(MountRequest m)
    {
        if (string.IsNullOrEmpty(m.Target)) throw EngineException.Invalid("invalid mount config: Target must not be empty");
        if (!m.Target.StartsWith('/')) throw EngineException.Invalid($"invalid mount config for type \"{m.Type}\": invalid mount path: '{m.Target}' mount path must be absolute");
        if (Path.TrimEndingDirectorySeparator(m.Target) == "/") throw EngineException.Invalid($"invalid mount config for type \"{m.Type}\": destination can't be '/'");
        switch (m.Type)
        {
            case "bind":
                if (string.IsNullOrEmpty(m.Source)) throw EngineException.Invalid("invalid mount config for type \"bind\": field Source must not be empty");
                if (!m.Source.StartsWith('/')) throw EngineException.Invalid($"invalid mount config for type \"bind\": invalid mount path: '{m.Source}' mount path must be absolute");
                if (m.VolumeOptions is not null) throw EngineException.Invalid("invalid mount config for type \"bind\": field VolumeOptions must not be specified");
                if (m.TmpfsOptions is not null) throw EngineException.Invalid("invalid mount config for type \"bind\": field TmpfsOptions must not be specified");
                if (m.BindOptions is { Propagation.Length: > 0 } b && !BindSpec.Propagations.Contains(b.Propagation))
                    throw EngineException.Invalid($"invalid mount config for type \"bind\": invalid propagation mode: {b.Propagation}");
                if (!Directory.Exists(m.Source) && !File.Exists(m.Source))
                    throw EngineException.Invalid($"invalid mount config for type \"bind\": bind source path does not exist: {m.Source}");
                break;
            case "volume":
                if (m.BindOptions is not null) throw EngineException.Invalid("invalid mount config for type \"volume\": field BindOptions must not be specified");
                if (m.TmpfsOptions is not null) throw EngineException.Invalid("invalid mount config for type \"volume\": field TmpfsOptions must not be specified");
                if (m.VolumeOptions is { Subpath.Length: > 0 }) throw EngineException.Invalid("invalid mount config for type \"volume\": volume-subpath is not supported");
                break;
            case "tmpfs":
                if (!string.IsNullOrEmpty(m.Source)) throw EngineException.Invalid("invalid mount config for type \"tmpfs\": field Source must not be specified");
                if (m.BindOptions is not null || m.VolumeOptions is not null) throw EngineException.Invalid("invalid mount config for type \"tmpfs\": only TmpfsOptions may be specified");
                if (m.TmpfsOptions is { SizeBytes: < 0 }) throw EngineException.Invalid("invalid mount config for type \"tmpfs\": tmpfs-size must be positive");
                break;
            default:
                throw EngineException.Invalid($"invalid mount config: mount type unknown: \"{m.Type}\"");
        }
    }

    private static (string Container, string? Mode) ParseVolumesFrom(string spec)
    {
        var colon = spec.IndexOf(':');
        if (colon < 0) return (spec, null);
        var mode = spec[(colon + 1)..];
        if (mode is not ("ro" or "rw")) throw EngineException.Invalid($"invalid mode for volumes-from: {mode}");
        return (spec[..colon], mode);
    }
}
