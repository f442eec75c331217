using WebUI.Engine.Content;

namespace WebUI.Engine.Images;

internal sealed partial class ImageService
{
    /// <summary>
    /// Makes a pulled image visible (for the distribution client): its config blob is verified against
    /// <paramref name="configDigest"/>, all of <paramref name="chainIds"/> must be committed snapshots already, and
    /// <paramref name="names"/> (normalized "repo:tag" and "repo@sha256:…") then point at it. Returns the image id and
    /// the id a tag pointed to before, when it was another image.
    /// </summary>
    internal async Task<(string Id, IReadOnlyList<string> Replaced)> RegisterPulledAsync(
        byte[] config, Digest configDigest, ImageSpec spec, IReadOnlyList<string> chainIds, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        await _mutex.WaitAsync(cancellationToken);
        try
        {
            var id = await RegisterAsync(config, configDigest, spec, chainIds, cancellationToken);
            var now = time.GetUtcNow();
            var replaced = new List<string>();
            foreach (var name in names)
                if (store.SetReference(name, id, now) is { } previous) replaced.Add(previous);
            return (id, replaced);
        }
        finally
        {
            _mutex.Release();
        }
    }
}
