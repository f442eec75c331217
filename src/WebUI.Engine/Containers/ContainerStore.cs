using System.Text.Json;
using WebUI.Engine.Errors;
using WebUI.Engine.Runtime;
using WebUI.Engine.Storage;

namespace WebUI.Engine.Containers;

/// <summary>
/// The containers known to this engine: in memory for lookups, each persisted atomically to its own config.json.
/// Names are unique; a name is reserved (with its id) before the container is made, so two creates cannot share one.
/// </summary>
internal sealed class ContainerStore(RuntimePaths paths)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ContainerRecord> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    /// <summary>Reads every record; a directory without a readable record (a create that crashed) is reported, not loaded.</summary>
    public IReadOnlyList<string> Load()
    {
        var broken = new List<string>();
        if (!Directory.Exists(paths.ContainersRoot)) return broken;
        foreach (var dir in Directory.EnumerateDirectories(paths.ContainersRoot))
        {
            var id = Path.GetFileName(dir);
            try
            {
                var record = AtomicFile.ReadJson<ContainerRecord>(paths.RecordFile(id), Json);
                if (record is null) { broken.Add(id); continue; }
                lock (_gate)
                {
                    _byId[record.Id] = record;
                    _names[record.Name] = record.Id;
                }
            }
            catch (JsonException) { broken.Add(id); }
        }
        return broken;
    }

    /// <summary>Claims <paramref name="name"/> ("/x") for <paramref name="id"/>; Conflict with Docker's message when taken.</summary>
    public void ReserveName(string name, string id)
    {
        lock (_gate)
        {
            if (_names.TryGetValue(name, out var owner))
                throw EngineException.Conflict($"Conflict. The container name \"{name}\" is already in use by container \"{owner}\". You have to remove (or rename) that container to be able to reuse that name.");
            _names[name] = id;
        }
    }

    public bool TryReserveName(string name, string id)
    {
        lock (_gate) return _names.TryAdd(name, id);
    }

    public void ReleaseName(string name, string id)
    {
        lock (_gate)
            if (_names.TryGetValue(name, out var owner) && owner == id) _names.Remove(name);
    }

    /// <summary>Makes a record whose file is written (<see cref="Save"/>) visible to lookups.</summary>
    public void Remember(ContainerRecord record)
    {
        lock (_gate) _byId[record.Id] = record;
    }

    /// <summary>Removes the record file durably (a create that failed); a missing one is not an error.</summary>
    public void Delete(string id) => AtomicFile.Delete(paths.RecordFile(id));

    /// <summary>Persists the record: temp file, fsync, rename, fsync of the directory.</summary>
    public void Save(ContainerRecord record) => AtomicFile.WriteJson(paths.RecordFile(record.Id), record, Json);

    public void Remove(ContainerRecord record)
    {
        lock (_gate)
        {
            _byId.Remove(record.Id);
            ReleaseName(record.Name, record.Id);
        }
    }

    public IReadOnlyList<ContainerRecord> All()
    {
        lock (_gate) return [.. _byId.Values];
    }

    /// <summary>The container by id, id prefix or name; null when missing or of a team the current caller is not in.</summary>
    public ContainerRecord? TryGet(string idOrName)
    {
        var found = Find(idOrName);
        return found is not null && Security.Admission.TeamScope.CanSee(found.Config.Labels) ? found : null;
    }

    private ContainerRecord? Find(string idOrName)
    {
        if (string.IsNullOrEmpty(idOrName)) return null;
        lock (_gate)
        {
            if (_byId.TryGetValue(idOrName, out var byId)) return byId;
            var name = idOrName.StartsWith('/') ? idOrName : "/" + idOrName;
            if (_names.TryGetValue(name, out var named) && _byId.TryGetValue(named, out var byName)) return byName;
            if (idOrName.All(char.IsAsciiHexDigitLower) || idOrName.All(char.IsAsciiDigit))
            {
                var matches = _byId.Keys.Where(k => k.StartsWith(idOrName, StringComparison.Ordinal)).Take(2).ToList();
                if (matches.Count == 1) return _byId[matches[0]];
                if (matches.Count > 1) throw EngineException.Invalid($"Multiple IDs found with provided prefix: {idOrName}");
            }
            return null;
        }
    }

    public ContainerRecord Get(string idOrName) => TryGet(idOrName) ?? throw EngineException.NotFound($"No such container: {idOrName}");
}
