using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebUI.Engine.Errors;
using WebUI.Engine.Storage;

namespace WebUI.Engine.Snapshots;

/// <summary>
/// Overlayfs snapshots under &lt;DataRoot&gt;/snapshots/&lt;n&gt;/{fs,work}. A committed snapshot is one unpacked layer,
/// keyed by chain id and unpacked once (<see cref="CommitAsync"/>: temp dir → apply → rename → metadata);
/// an active snapshot is a container's writable layer over a committed parent.
/// </summary>
internal sealed partial class OverlaySnapshotter : ISnapshotter
{
    private readonly string _root;
    private readonly string _metadataPath;
    private readonly Lock _gate = new();
    private readonly ILogger<OverlaySnapshotter> _logger;
    private readonly TimeProvider _time;
    private SnapshotMetadata _meta = new();

    public OverlaySnapshotter(IOptions<EngineOptions> options, TimeProvider time, ILogger<OverlaySnapshotter> logger)
    {
        _root = Path.Combine(options.Value.DataRoot, "snapshots");
        _metadataPath = Path.Combine(_root, "metadata.json");
        _time = time;
        _logger = logger;
    }

    /// <summary>Loads the index and removes directories no snapshot owns (unpacks interrupted by a crash).</summary>
    public void Initialize()
    {
        Directory.CreateDirectory(_root);
        lock (_gate)
        {
            _meta = AtomicFile.ReadJson<SnapshotMetadata>(_metadataPath) ?? new SnapshotMetadata();
            var owned = _meta.Committed.Values.Select(c => c.Id).Concat(_meta.Active.Values.Select(a => a.Id)).Select(i => i.ToString()).ToHashSet();
            foreach (var dir in Directory.EnumerateDirectories(_root))
            {
                var name = Path.GetFileName(dir);
                if (owned.Contains(name)) continue;
                LogStale(_logger, dir);
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    public bool Exists(string chainId)
    {
        lock (_gate) return _meta.Committed.ContainsKey(chainId);
    }

    /// <summary>
    /// Unpacks a layer once: <paramref name="apply"/> fills a private directory and returns the layer's chain id and
    /// the bytes it wrote; on success the directory becomes that committed snapshot, on any failure it is removed.
    /// With a known <paramref name="chainId"/> that exists already nothing is applied. Returns the chain id.
    /// </summary>
    public async Task<string> CommitAsync(string? chainId, string? parentChainId, Func<string, CancellationToken, Task<(string ChainId, long Size)>> apply, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (chainId is not null && _meta.Committed.ContainsKey(chainId)) return chainId;
            if (parentChainId is not null && !_meta.Committed.ContainsKey(parentChainId))
                throw EngineException.NotFound($"parent snapshot {parentChainId} does not exist");
        }
        var temp = Path.Combine(_root, "new-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var fs = Path.Combine(temp, "fs");
            Directory.CreateDirectory(fs);
            var (applied, size) = await apply(fs, cancellationToken);
            if (chainId is not null && applied != chainId)
                throw EngineException.Invalid($"layer chain id mismatch: expected {chainId}, got {applied}");
            cancellationToken.ThrowIfCancellationRequested();
            lock (_gate)
            {
                if (_meta.Committed.ContainsKey(applied)) return applied;
                var id = _meta.NextId;
                Directory.Move(temp, Path.Combine(_root, id.ToString()));
                _meta.NextId++;
                _meta.Committed[applied] = new CommittedSnapshot(id, parentChainId, size, _time.GetUtcNow());
                Save();
            }
            LogCommitted(_logger, applied, size);
            return applied;
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>Bytes of file content in the layer of a committed snapshot.</summary>
    public long SizeOf(string chainId)
    {
        lock (_gate) return _meta.Committed.TryGetValue(chainId, out var c) ? c.Size : throw NotFound(chainId);
    }

    /// <summary>The fs directories of a committed snapshot and its parents, top first (overlay's lowerdir order).</summary>
    public IReadOnlyList<string> LowerDirs(string chainId)
    {
        lock (_gate) return LowerDirsLocked(chainId);
    }

    /// <summary>The directory of a committed snapshot (its fs/ holds the unpacked layer).</summary>
    public string DirectoryOf(string chainId)
    {
        lock (_gate) return _meta.Committed.TryGetValue(chainId, out var c) ? Dir(c.Id) : throw NotFound(chainId);
    }

    public Task<IReadOnlyList<Mount>> PrepareAsync(string key, string? parentChainId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_meta.Active.ContainsKey(key)) throw EngineException.AlreadyExists($"snapshot {key} already exists");
            if (parentChainId is not null && !_meta.Committed.ContainsKey(parentChainId)) throw NotFound(parentChainId);
            var id = _meta.NextId++;
            var dir = Dir(id);
            Directory.CreateDirectory(Path.Combine(dir, "fs"));
            Directory.CreateDirectory(Path.Combine(dir, "work"));
            var active = new ActiveSnapshot(id, parentChainId, _time.GetUtcNow());
            _meta.Active[key] = active;
            Save();
            return Task.FromResult(MountsLocked(active));
        }
    }

    public IReadOnlyList<Mount> Mounts(string key)
    {
        lock (_gate)
            return _meta.Active.TryGetValue(key, out var a) ? MountsLocked(a) : throw EngineException.NotFound($"snapshot {key} does not exist");
    }

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => Remove(key, persistNow: true);

    public Task Release(string key) => Remove(key, persistNow: false);

    public IReadOnlyList<string> ActiveKeys()
    {
        lock (_gate) return [.. _meta.Active.Keys];
    }

    private Task Remove(string key, bool persistNow)
    {
        string dir;
        Task persisted = Task.CompletedTask;
        lock (_gate)
        {
            if (!_meta.Active.Remove(key, out var a)) return Task.CompletedTask;
            // The index is written whole: a later write (any Prepare or Remove) carries this removal too.
            if (persistNow) Save();
            else persisted = Task.Run(() => { lock (_gate) Save(); });
            dir = Dir(a.Id);
        }
        // Once the index no longer names it the layer is gone; its files (a whole writable layer) are deleted off the
        // caller's path. Directory numbers are never reused, and Initialize removes what a crash leaves behind.
        var deletion = DeferredDelete.Directory(dir, Path.Combine(_root, "removed-" + Path.GetFileName(dir)));
        _ = deletion.ContinueWith(t => LogDeleteFailed(_logger, dir, t.Exception!), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return persisted;
    }

    /// <summary>Removes a committed snapshot unless another snapshot builds on it; returns whether it was removed.</summary>
    public Task<bool> RemoveCommittedAsync(string chainId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        string dir;
        lock (_gate)
        {
            if (!_meta.Committed.TryGetValue(chainId, out var c)) return Task.FromResult(false);
            if (_meta.Committed.Values.Any(o => o.Parent == chainId) || _meta.Active.Values.Any(o => o.Parent == chainId))
                return Task.FromResult(false);
            _meta.Committed.Remove(chainId);
            Save();
            dir = Dir(c.Id);
        }
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        LogRemoved(_logger, chainId);
        return Task.FromResult(true);
    }

    public long UsageOf(string key)
    {
        string fs;
        lock (_gate)
            fs = _meta.Active.TryGetValue(key, out var a) ? Path.Combine(Dir(a.Id), "fs") : throw EngineException.NotFound($"snapshot {key} does not exist");
        if (!Directory.Exists(fs)) return 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true };
        return new DirectoryInfo(fs).EnumerateFiles("*", options).Where(f => f.LinkTarget is null).Sum(f => f.Length);
    }

    private IReadOnlyList<Mount> MountsLocked(ActiveSnapshot a)
    {
        var dir = Dir(a.Id);
        var upper = Path.Combine(dir, "fs");
        // Overlay needs at least one lower directory; an image without layers gets a plain writable bind mount.
        if (a.Parent is null) return [new Mount("bind", upper, ["rbind", "rw"])];
        var lowers = LowerDirsLocked(a.Parent);
        return [new Mount("overlay", "overlay", ["lowerdir=" + string.Join(':', lowers), "upperdir=" + upper, "workdir=" + Path.Combine(dir, "work")])];
    }

    private List<string> LowerDirsLocked(string chainId)
    {
        var result = new List<string>();
        string? current = chainId;
        while (current is not null)
        {
            if (!_meta.Committed.TryGetValue(current, out var c)) throw NotFound(current);
            result.Add(Path.Combine(Dir(c.Id), "fs"));
            current = c.Parent;
        }
        return result;
    }

    private string Dir(long id) => Path.Combine(_root, id.ToString());

    private void Save() => AtomicFile.WriteJson(_metadataPath, _meta);

    private static EngineException NotFound(string chainId) => EngineException.NotFound($"snapshot {chainId} does not exist");
}
