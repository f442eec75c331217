using Microsoft.Extensions.Options;
using WebUI.Engine.Content;
using WebUI.Engine.Snapshots;
using WebUI.Engine.Storage;

namespace WebUI.Engine.Distribution;

/// <summary>
/// The image manifests an image was pulled with, by config digest (&lt;DataRoot&gt;/distribution/manifests/&lt;config hex&gt;.json;
/// the manifest bytes are content blobs). Push sends such a manifest unchanged when all its blobs are here, so an
/// image pulled and pushed elsewhere keeps its digest.
/// </summary>
internal sealed class PulledManifests(IOptions<EngineOptions> options, IContentStore content)
{
    private readonly string _dir = Path.Combine(options.Value.DataRoot, "distribution", "manifests");
    private readonly Lock _gate = new();

    public async Task RecordAsync(Digest config, byte[] manifest, string mediaType, CancellationToken cancellationToken)
    {
        var digest = Digest.Of(manifest);
        await content.IngestAsync(new MemoryStream(manifest, writable: false), digest, manifest.Length, cancellationToken);
        var path = Path.Combine(_dir, config.Hex + ".json");
        lock (_gate)
        {
            var list = AtomicFile.ReadJson<List<PulledManifest>>(path) ?? [];
            if (list.Any(e => e.Digest == digest.Value)) return;
            list.Add(new PulledManifest(digest.Value, mediaType));
            AtomicFile.WriteJson(path, list);
        }
    }

    /// <summary>Recorded manifests for the config that are still in the content store, newest first.</summary>
    public IReadOnlyList<PulledManifest> For(Digest config)
    {
        var path = Path.Combine(_dir, config.Hex + ".json");
        lock (_gate)
        {
            var list = AtomicFile.ReadJson<List<PulledManifest>>(path) ?? [];
            return list.Where(e => Digest.TryParse(e.Digest, out var d) && content.Exists(d)).Reverse().ToList();
        }
    }
}
