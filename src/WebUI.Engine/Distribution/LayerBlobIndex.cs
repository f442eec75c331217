using System.Text.Json;
using Microsoft.Extensions.Options;
using WebUI.Engine.Content;
using WebUI.Engine.Snapshots;
using WebUI.Engine.Storage;

namespace WebUI.Engine.Distribution;

/// <summary>
/// Which blobs in the content store unpack to which diff id, and in which repositories they are known to exist:
/// &lt;DataRoot&gt;/distribution/diffids/&lt;diff hex&gt;.json, written atomically. Pull records it; push uses it to send
/// the exact blobs an image was pulled as, and to mount them across repositories.
/// </summary>
internal sealed class LayerBlobIndex(IOptions<EngineOptions> options, IContentStore content)
{
    private readonly string _dir = Path.Combine(options.Value.DataRoot, "distribution", "diffids");
    private readonly Lock _gate = new();

    public IReadOnlyList<LayerBlob> Find(Digest diffId)
    {
        var path = Path.Combine(_dir, diffId.Hex + ".json");
        lock (_gate)
        {
            var list = AtomicFile.ReadJson<List<LayerBlob>>(path) ?? [];
            return list.Where(b => Digest.TryParse(b.Digest, out var d) && content.Exists(d)).ToList();
        }
    }

    /// <summary>Remembers that <paramref name="blob"/> unpacks to <paramref name="diffId"/> and exists in <paramref name="repository"/> ("host/path"; null when it exists only here).</summary>
    public void Record(Digest diffId, Descriptor blob, string? repository)
    {
        var path = Path.Combine(_dir, diffId.Hex + ".json");
        lock (_gate)
        {
            var list = AtomicFile.ReadJson<List<LayerBlob>>(path) ?? [];
            var i = list.FindIndex(b => b.Digest == blob.Digest);
            if (i >= 0)
            {
                if (repository is null || list[i].Repositories.Contains(repository)) return;
                list[i] = list[i] with { Repositories = [.. list[i].Repositories, repository] };
            }
            else
            {
                list.Add(new LayerBlob(blob.Digest, blob.MediaType, blob.Size, repository is null ? [] : [repository]));
            }
            AtomicFile.WriteJson(path, list, Json);
        }
    }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };
}
