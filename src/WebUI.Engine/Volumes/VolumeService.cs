using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebUI.Engine.Errors;
using WebUI.Engine.Events;
using WebUI.Engine.Hosting;
using WebUI.Engine.Linux;
using WebUI.Engine.Snapshots;
using WebUI.Engine.Storage;

namespace WebUI.Engine.Volumes;

/// <summary>
/// Local volumes under &lt;DataRoot&gt;/volumes/&lt;name&gt;/: `volume.json` (the record, written atomically) and `_data`.
/// A volume with driver options is mounted on `_data` while at least one container uses it.
/// </summary>
internal sealed partial class VolumeService(
    IOptions<EngineOptions> options,
    IEventBus events,
    IEnumerable<IVolumeUsage> usages,
    Security.Admission.VolumeAdmission admission,
    TimeProvider time,
    ILogger<VolumeService> logger) : IVolumeService, IEngineInitializer
{
    private const string RecordFile = "volume.json";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, VolumeRecord> _volumes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _mountedBy = new(StringComparer.Ordinal);

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_.-]+$")]
    private static partial Regex ValidName();

    private string Root => Path.Combine(options.Value.DataRoot, "volumes");

    public int Order => 50;

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        foreach (var dir in Directory.GetDirectories(Root))
        {
            var record = AtomicFile.ReadJson<VolumeRecord>(Path.Combine(dir, RecordFile));
            // A directory without its record is a create that crashed before committing: it never existed.
            if (record is null) { Directory.Delete(dir, recursive: true); continue; }
            _volumes[record.Name] = record;
        }
        return Task.CompletedTask;
    }

    public async Task<VolumeRecord> CreateAsync(VolumeCreateOptions create, CancellationToken cancellationToken)
    {
        create = admission.Admit(create);
        var driver = string.IsNullOrEmpty(create.Driver) ? LocalVolumeDriver.Name : create.Driver;
        if (driver != LocalVolumeDriver.Name) throw EngineException.NotFound($"error looking up volume plugin {driver}: plugin \"{driver}\" not found");
        var anonymous = string.IsNullOrEmpty(create.Name);
        var name = anonymous ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) : create.Name!;
        if (!ValidName().IsMatch(name))
            throw EngineException.Invalid($"create {name}: \"{name}\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path");
        LocalVolumeDriver.Validate(create.DriverOpts);

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_volumes.TryGetValue(name, out var existing))
                return Security.Admission.TeamScope.CanSee(existing.Labels) ? existing
                    : throw EngineException.Conflict($"create {name}: the volume name is taken by another team's volume");
            var labels = new Dictionary<string, string>(create.Labels);
            if (anonymous) labels[VolumeRecord.AnonymousLabel] = "";
            var dir = Path.Combine(Root, name);
            var record = new VolumeRecord
            {
                Name = name,
                Mountpoint = Path.Combine(dir, "_data"),
                CreatedAt = time.GetUtcNow(),
                Labels = labels,
                Options = new Dictionary<string, string>(create.DriverOpts),
            };
            Directory.CreateDirectory(record.Mountpoint);
            // The record is the commit point: written last, atomically.
            AtomicFile.WriteJson(Path.Combine(dir, RecordFile), record);
            lock (_volumes) _volumes[name] = record;
            LogCreated(logger, name);
            Publish("create", record);
            return record;
        }
        finally
        {
            _gate.Release();
        }
    }

    public VolumeRecord Get(string name) =>
        Find(name) is { } v && Security.Admission.TeamScope.CanSee(v.Labels) ? v : throw EngineException.NotFound($"get {name}: no such volume");

    public VolumeRecord? Find(string name)
    {
        lock (_volumes) return _volumes.GetValueOrDefault(name);
    }

    public IReadOnlyList<VolumeRecord> List(IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        foreach (var key in filters.Keys)
            if (key is not ("name" or "driver" or "label" or "dangling"))
                throw EngineException.Invalid($"invalid filter '{key}'");
        List<VolumeRecord> all;
        lock (_volumes) all = [.. _volumes.Values];
        return all.Where(v => Matches(v, filters) && Security.Admission.TeamScope.CanSee(v.Labels)).OrderBy(v => v.Name, StringComparer.Ordinal).ToList();
    }

    public async Task RemoveAsync(string name, bool force, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_volumes.TryGetValue(name, out var record) || !Security.Admission.TeamScope.CanSee(record.Labels))
            {
                if (force) return;
                throw EngineException.NotFound($"get {name}: no such volume");
            }
            var users = ContainersUsing(name);
            if (users.Count > 0)
                throw EngineException.Conflict($"remove {name}: volume is in use - [{string.Join(", ", users)}]");
            Delete(record);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<(IReadOnlyList<string> Deleted, long SpaceReclaimed)> PruneAsync(IReadOnlyDictionary<string, IReadOnlyList<string>> filters, CancellationToken cancellationToken)
    {
        var all = filters.TryGetValue("all", out var a) && a.Any(v => v is "true" or "1");
        var labelFilters = filters.Where(f => f.Key is "label" or "label!").ToDictionary(f => f.Key, f => f.Value);
        foreach (var key in filters.Keys)
            if (key is not ("all" or "label" or "label!")) throw EngineException.Invalid($"invalid filter '{key}'");

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var deleted = new List<string>();
            long reclaimed = 0;
            foreach (var v in _volumes.Values.ToList())
            {
                if (!all && !v.Anonymous) continue;
                if (!Security.Admission.TeamScope.CanSee(v.Labels)) continue;
                if (!MatchesLabels(v, labelFilters)) continue;
                if (ContainersUsing(v.Name).Count > 0) continue;
                reclaimed += SizeOf(v.Name);
                Delete(v);
                deleted.Add(v.Name);
            }
            return (deleted, reclaimed);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<string> MountAsync(string name, string containerId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var v = _volumes.TryGetValue(name, out var r) ? r : throw EngineException.NotFound($"get {name}: no such volume");
            if (!_mountedBy.TryGetValue(name, out var users)) _mountedBy[name] = users = [];
            if (users.Count == 0 && LocalVolumeDriver.NeedsMount(v.Options) && !IsMountPoint(v.Mountpoint))
                MountDevice(v);
            if (users.Add(containerId)) Publish("mount", v, ("container", containerId));
            return v.Mountpoint;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task UnmountAsync(string name, string containerId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_volumes.TryGetValue(name, out var v) || !_mountedBy.TryGetValue(name, out var users) || !users.Remove(containerId)) return;
            Publish("unmount", v, ("container", containerId));
            if (users.Count == 0 && LocalVolumeDriver.NeedsMount(v.Options) && IsMountPoint(v.Mountpoint))
                Sys.umount2(v.Mountpoint, Sys.MNT_DETACH);
        }
        finally
        {
            _gate.Release();
        }
    }

    public long SizeOf(string name)
    {
        var v = Get(name);
        if (!Directory.Exists(v.Mountpoint)) return 0;
        long total = 0;
        foreach (var f in new DirectoryInfo(v.Mountpoint).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true }))
            if (f.LinkTarget is null) total += f.Length;
        return total;
    }

    private IReadOnlyList<string> ContainersUsing(string name)
    {
        var users = new HashSet<string>(StringComparer.Ordinal);
        foreach (var u in usages) users.UnionWith(u.ContainersUsing(name));
        if (_mountedBy.TryGetValue(name, out var mounted)) users.UnionWith(mounted);
        return users.ToList();
    }

    private void Delete(VolumeRecord v)
    {
        if (IsMountPoint(v.Mountpoint)) Sys.umount2(v.Mountpoint, Sys.MNT_DETACH);
        var dir = Path.Combine(Root, v.Name);
        // The record goes first: a crash half-way leaves a directory that start-up removes, never a half volume.
        File.Delete(Path.Combine(dir, RecordFile));
        Directory.Delete(dir, recursive: true);
        lock (_volumes) _volumes.Remove(v.Name);
        _mountedBy.Remove(v.Name);
        LogRemoved(logger, v.Name);
        Publish("destroy", v);
    }

    private static void MountDevice(VolumeRecord v)
    {
        var type = v.Options["type"];
        var device = v.Options["device"];
        var o = v.Options.TryGetValue("o", out var opts) ? opts : "";
        var flags = 0UL;
        var data = new List<string>();
        foreach (var part in o.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            switch (part)
            {
                case "bind": flags |= Sys.MS_BIND; break;
                case "rbind": flags |= Sys.MS_BIND | Sys.MS_REC; break;
                case "ro": flags |= Sys.MS_RDONLY; break;
                default: data.Add(part); break;
            }
        }
        if ((flags & Sys.MS_BIND) != 0 && !Directory.Exists(device) && !File.Exists(device))
            throw EngineException.Invalid($"error while mounting volume '{v.Mountpoint}': failed to mount local volume: mount {device}:{v.Mountpoint}, flags: 0x{flags:x}: no such file or directory");
        try
        {
            Sys.mount(device, v.Mountpoint, type == "none" ? null : type, flags, data.Count == 0 ? null : string.Join(',', data));
        }
        catch (LinuxException e)
        {
            throw EngineException.Invalid($"error while mounting volume '{v.Mountpoint}': failed to mount local volume: {e.Message}");
        }
    }

    private static bool IsMountPoint(string path) =>
        File.ReadLines("/proc/self/mountinfo").Any(l => l.Split(' ')[4] == path);

    private bool Matches(VolumeRecord v, IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        foreach (var (key, values) in filters)
        {
            if (values.Count == 0) continue;
            var ok = key switch
            {
                "name" => values.Any(n => v.Name.Contains(n, StringComparison.Ordinal)),
                "driver" => values.Contains(v.Driver),
                "label" => MatchesLabels(v, new Dictionary<string, IReadOnlyList<string>> { ["label"] = values }),
                "dangling" => values.Any(d => (d is "true" or "1") == (ContainersUsing(v.Name).Count == 0)),
                _ => false,
            };
            if (!ok) return false;
        }
        return true;
    }

    private static bool MatchesLabels(VolumeRecord v, IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        foreach (var (key, values) in filters)
        {
            foreach (var value in values)
            {
                var eq = value.IndexOf('=');
                var has = eq < 0 ? v.Labels.ContainsKey(value) : v.Labels.TryGetValue(value[..eq], out var lv) && lv == value[(eq + 1)..];
                if (key == "label" && !has) return false;
                if (key == "label!" && has) return false;
            }
        }
        return true;
    }

    private void Publish(string action, VolumeRecord v, params (string Key, string Value)[] extra)
    {
        var attributes = new Dictionary<string, string> { ["driver"] = v.Driver };
        // The team, for the event stream's team filter (TeamScope.CanSeeEvent).
        if (v.Labels.TryGetValue(Security.Admission.TeamScope.Label, out var team)) attributes[Security.Admission.TeamScope.Label] = team;
        foreach (var (k, val) in extra) attributes[k] = val;
        events.Publish(new EngineEvent("volume", action, v.Name, attributes, time.GetUtcNow()));
    }
}
