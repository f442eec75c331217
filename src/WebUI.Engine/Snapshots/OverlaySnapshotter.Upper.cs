using WebUI.Engine.Errors;

namespace WebUI.Engine.Snapshots;

// What commit and build read of an active snapshot.
internal sealed partial class OverlaySnapshotter
{
    /// <summary>The writable (upper) directory of an active snapshot: the container's changes in overlay's format.</summary>
    public string UpperDirOf(string key)
    {
        lock (_gate)
            return _meta.Active.TryGetValue(key, out var a) ? Path.Combine(Dir(a.Id), "fs") : throw EngineException.NotFound($"snapshot {key} does not exist");
    }
}
