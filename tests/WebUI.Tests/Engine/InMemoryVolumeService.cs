using WebUI.Engine.Errors;
using WebUI.Engine.Volumes;

namespace WebUI.Tests.Engine;

/// <summary>Volumes held in a dictionary; refuses to remove one in use, as the engine does.</summary>
public sealed class InMemoryVolumeService : IVolumeService, IVolumeUsage
{
    public Dictionary<string, VolumeRecord> Volumes { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<string>> UsedBy { get; } = [];
    public List<VolumeCreateOptions> Created { get; } = [];
    public List<(string Name, bool Force)> Removed { get; } = [];
    public Exception? Failure { get; set; }

    public VolumeRecord Add(string name, params (string Key, string Value)[] labels)
    {
        var v = new VolumeRecord
        {
            Name = name,
            Mountpoint = $"/var/lib/webui/volumes/{name}/_data",
            CreatedAt = DateTimeOffset.UtcNow,
            Labels = labels.ToDictionary(l => l.Key, l => l.Value),
        };
        Volumes[name] = v;
        return v;
    }

    public Task<VolumeRecord> CreateAsync(VolumeCreateOptions options, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        Created.Add(options);
        var name = options.Name ?? new string('a', 64);
        var v = Add(name) with { Options = options.DriverOpts, Labels = options.Labels };
        Volumes[name] = v;
        return Task.FromResult(v);
    }

    public VolumeRecord Get(string name)
    {
        ThrowIfFailing();
        return Volumes.TryGetValue(name, out var v) ? v : throw EngineException.NotFound($"get {name}: no such volume");
    }

    public VolumeRecord? Find(string name) => Volumes.GetValueOrDefault(name);

    public IReadOnlyList<VolumeRecord> List(IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        ThrowIfFailing();
        // As the engine: only what the current caller's teams may see.
        return Volumes.Values.Where(v => WebUI.Engine.Security.Admission.TeamScope.CanSee(v.Labels)).ToList();
    }

    public Task RemoveAsync(string name, bool force, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        Removed.Add((name, force));
        if (UsedBy.TryGetValue(name, out var users) && users.Count > 0)
            throw EngineException.Conflict($"remove {name}: volume is in use - [{string.Join(", ", users)}]");
        if (!Volumes.Remove(name)) throw EngineException.NotFound($"get {name}: no such volume");
        return Task.CompletedTask;
    }

    public Task<(IReadOnlyList<string> Deleted, long SpaceReclaimed)> PruneAsync(IReadOnlyDictionary<string, IReadOnlyList<string>> filters, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the dashboard does not prune");

    public Task<string> MountAsync(string name, string containerId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task UnmountAsync(string name, string containerId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public long SizeOf(string name) => 4096;

    public IReadOnlyList<string> ContainersUsing(string volumeName) => UsedBy.TryGetValue(volumeName, out var ids) ? ids : [];

    private void ThrowIfFailing()
    {
        if (Failure is { } e) throw e;
    }
}
