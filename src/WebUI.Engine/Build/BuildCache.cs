using Microsoft.Extensions.Options;
using WebUI.Engine.Content;
using WebUI.Engine.Snapshots;
using WebUI.Engine.Storage;

namespace WebUI.Engine.Build;

/// <summary>
/// The layer cache index: (parent image id, step key) → image id, one small file per entry under
/// &lt;DataRoot&gt;/build/cache/, written atomically. The key is the step's history text after substitution plus,
/// for COPY/ADD, the checksum of the files it copies. Entries whose image is gone are simply misses.
/// </summary>
internal sealed class BuildCache(IOptions<EngineOptions> options)
{
    private readonly string _dir = Path.Combine(options.Value.DataRoot, "build", "cache");

    public string? Lookup(string parent, string key)
    {
        var entry = AtomicFile.ReadJson<BuildCacheEntry>(PathOf(parent, key));
        return entry is not null && entry.Parent == parent && entry.Key == key ? entry.Image : null;
    }

    public void Store(string parent, string key, string image) =>
        AtomicFile.WriteJson(PathOf(parent, key), new BuildCacheEntry(parent, key, image));

    /// <summary>The images and their ancestors along cached steps: what --cache-from makes reusable.</summary>
    public HashSet<string> Lineage(IEnumerable<string> images)
    {
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(_dir))
            foreach (var file in Directory.EnumerateFiles(_dir, "*.json"))
                if (AtomicFile.ReadJson<BuildCacheEntry>(file) is { } e) parents.TryAdd(e.Image, e.Parent);
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var image in images)
        {
            var current = image;
            while (current is not null && result.Add(current))
                current = parents.GetValueOrDefault(current);
        }
        return result;
    }

    private string PathOf(string parent, string key) => Path.Combine(_dir, Digest.Of(parent + "\n" + key).Hex + ".json");
}
