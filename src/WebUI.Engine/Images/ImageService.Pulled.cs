using WebUI.Engine.Content;
using WebUI.Engine.Distribution;

namespace WebUI.Engine.Images;

internal sealed partial class ImageService
{
    /// <summary>
    /// Makes a pulled image visible (for the distribution client): its config blob is verified against
    /// <paramref name="configDigest"/>, all of <paramref name="chainIds"/> must be committed snapshots already, the
    /// image keeps <paramref name="manifest"/> (or one written over <paramref name="layerBlobs"/>), and
    /// <paramref name="names"/> (normalized "repo:tag" and "repo@sha256:…") then point at it. Returns the image id and
    /// the ids tags pointed to before, when another image.
    /// </summary>
    internal async Task<(string Id, IReadOnlyList<string> Replaced)> RegisterPulledAsync(
        byte[] config, Digest configDigest, byte[]? manifest, IReadOnlyList<Descriptor> layerBlobs, ImageSpec spec,
        IReadOnlyList<string> chainIds, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        await _mutex.WaitAsync(cancellationToken);
        try
        {
            var id = await RegisterAsync(config, configDigest, manifest, layerBlobs, spec, chainIds, cancellationToken);
            var now = time.GetUtcNow();
            var replaced = new List<string>();
            foreach (var name in names)
                if (store.SetReference(name, id, now) is { } previous) replaced.Add(previous);
            Publish("pull", id, names.Count > 0 ? References.ImageReference.Parse(names[0]).FamiliarString : id);
            return (id, replaced);
        }
        finally
        {
            _mutex.Release();
        }
    }
}
