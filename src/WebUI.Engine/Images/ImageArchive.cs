using System.Formats.Tar;
using System.Text.Json;
using WebUI.Engine.Content;
using WebUI.Engine.Distribution;
using WebUI.Engine.Errors;
using WebUI.Engine.Layers;
using WebUI.Engine.References;

namespace WebUI.Engine.Images;

/// <summary>
/// A docker-archive (docker save) or OCI image-layout tarball, extracted into a private directory that is removed on
/// dispose. Only regular files and directories are written; links inside the archive are remembered and resolved
/// within it, so the archive cannot write or read outside its directory.
/// </summary>
internal sealed class ImageArchive : IDisposable
{
    private const long MaxJsonSize = 8 << 20;
    private readonly string _dir;
    private readonly Dictionary<string, (string Target, bool Hard)> _links = new(StringComparer.Ordinal);

    private ImageArchive(string dir) => _dir = dir;

    public static async Task<ImageArchive> ExtractAsync(Stream archive, string tempParent, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(tempParent);
        var result = new ImageArchive(Path.Combine(tempParent, "load-" + Guid.NewGuid().ToString("N")[..12]));
        Directory.CreateDirectory(result._dir);
        try
        {
            await using var tar = await Decompression.OpenAsync(archive, cancellationToken);
            await using var reader = new TarReader(tar, leaveOpen: true);
            var entries = 0;
            try
            {
                while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
                {
                    entries++;
                    if (entry.EntryType == TarEntryType.GlobalExtendedAttributes) continue;
                    try
                    {
                        await result.ExtractEntryAsync(entry, cancellationToken);
                    }
                    catch (IOException e) when (e is not EndOfStreamException)
                    {
                        // Duplicate names, a file where a directory should be: the archive is malformed.
                        throw EngineException.Invalid($"invalid archive: entry \"{entry.Name}\": {e.Message}");
                    }
                }
            }
            catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException or ArgumentException)
            {
                throw EngineException.Invalid($"invalid tar archive (after {entries} entries): {e.Message}");
            }
            if (entries == 0) throw EngineException.Invalid("invalid archive: empty or not a tar archive");
            return result;
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    private async Task ExtractEntryAsync(TarEntry entry, CancellationToken cancellationToken)
    {
        var name = LayerApplier.CleanName(entry.Name);
        if (name.Length == 0) return;
        var path = Path.Combine(_dir, name);
        switch (entry.EntryType)
        {
            case TarEntryType.Directory:
                Directory.CreateDirectory(path);
                break;
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile:
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
                    if (entry.DataStream is { } data) await data.CopyToAsync(output, cancellationToken);
                break;
            case TarEntryType.SymbolicLink:
                _links[name] = (entry.LinkName, false);
                break;
            case TarEntryType.HardLink:
                _links[name] = (entry.LinkName, true);
                break;
            default:
                throw EngineException.Invalid($"invalid archive: unexpected entry \"{entry.Name}\" of type {entry.EntryType}");
        }
    }

    /// <summary>
    /// The images in the archive: from the OCI layout when there is one (it keeps the manifests, hence repo digests;
    /// docker 25+ writes both), else from docker save's manifest.json.
    /// </summary>
    public IReadOnlyList<LoadCandidate> ReadImages()
    {
        if (Exists("index.json") && Exists("oci-layout")) return ReadOciLayout();
        if (Exists("manifest.json")) return ReadDockerArchive();
        if (Exists("index.json")) throw EngineException.Invalid("invalid OCI layout: missing oci-layout file");
        throw EngineException.Invalid("invalid archive: neither manifest.json (docker save) nor index.json (OCI layout) found");
    }

    public Stream OpenFile(string relative)
    {
        var path = Path.Combine(_dir, Resolve(relative));
        if (!File.Exists(path)) throw EngineException.Invalid($"invalid archive: missing file \"{relative}\"");
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);
    }

    private IReadOnlyList<LoadCandidate> ReadDockerArchive()
    {
        var entries = ParseJson<List<DockerArchiveEntry>>("manifest.json", ReadAll("manifest.json"));
        if (entries.Count == 0) throw EngineException.Invalid("invalid archive: manifest.json lists no images");
        var result = new List<LoadCandidate>();
        foreach (var e in entries)
        {
            if (e.Config.Length == 0) throw EngineException.Invalid("invalid archive: manifest.json entry without Config");
            var config = ReadAll(e.Config);
            var digest = Digest.Of(config);
            // Newer docker save names blobs by digest: a name that disagrees with the content is tampering.
            if (BlobDigestOf(e.Config) is { } named && named != digest)
                throw EngineException.Invalid($"invalid archive: config {e.Config} has digest {digest}");
            var layers = e.Layers.Select(l => new LayerSource(l, BlobDigestOf(l), null)).ToList();
            var names = (e.RepoTags ?? []).Select(t => ImageReference.ParseWithDefaultTag(t).ToString()).ToList();
            result.Add(new LoadCandidate(config, digest, layers, names, []));
        }
        return result;
    }

    private IReadOnlyList<LoadCandidate> ReadOciLayout()
    {
        var index = ParseJson<ManifestDocument>("index.json", ReadAll("index.json"));
        if (index.Manifests is not { Count: > 0 }) throw EngineException.Invalid("invalid OCI layout: index.json lists no manifests");
        var result = new List<LoadCandidate>();
        foreach (var top in index.Manifests)
        {
            var manifestDescriptor = PickManifest(top, depth: 0);
            var manifestDigest = Digest.Parse(manifestDescriptor.Digest);
            var manifestBytes = ReadBlob(manifestDescriptor);
            var manifest = ParseJson<ManifestDocument>(manifestDescriptor.Digest, manifestBytes);
            if (manifest.Config is null) throw EngineException.Invalid($"invalid OCI manifest {manifestDigest}: no config");
            var config = ReadBlob(manifest.Config);
            // An empty media type means "unknown": the layer's own bytes decide how it is compressed.
            var layers = (manifest.Layers ?? []).Select(l => new LayerSource(BlobPath(l), Digest.Parse(l.Digest), l.Size, l.MediaType is { Length: > 0 } type ? type : null)).ToList();
            var names = new List<string>();
            var repoDigests = new List<string>();
            if (NameOf(top) is { } name)
            {
                names.Add(name.ToString());
                repoDigests.Add(name.Repository.WithDigest(manifestDigest).ToString());
            }
            result.Add(new LoadCandidate(config, Digest.Parse(manifest.Config.Digest), layers, names, repoDigests, manifestBytes));
        }
        return result;
    }

    /// <summary>Follows nested indexes to the manifest for linux/amd64 (or the only one present).</summary>
    private Descriptor PickManifest(Descriptor d, int depth)
    {
        if (depth > 4) throw EngineException.Invalid("invalid OCI layout: indexes nested too deeply");
        if (d.MediaType is "application/vnd.oci.image.index.v1+json" or "application/vnd.docker.distribution.manifest.list.v2+json")
        {
            var nested = ParseJson<ManifestDocument>(d.Digest, ReadBlob(d));
            var candidates = (nested.Manifests ?? []).Where(m => Exists(BlobPath(m))).ToList();
            var pick = candidates.FirstOrDefault(m => m.Platform is { Os: "linux", Architecture: "amd64" })
                ?? candidates.FirstOrDefault(m => m.Platform is null)
                ?? throw EngineException.Invalid($"invalid OCI layout: index {d.Digest} has no manifest for linux/amd64 in the archive");
            return PickManifest(pick, depth + 1);
        }
        return d;
    }

    /// <summary>The image name from the index annotations; a bare tag ("latest", as skopeo and umoci write) names no repository.</summary>
    private static ImageReference? NameOf(Descriptor d)
    {
        if (d.Annotations is null) return null;
        if (d.Annotations.TryGetValue("io.containerd.image.name", out var full) && full.Length > 0)
            return ImageReference.ParseWithDefaultTag(full);
        if (d.Annotations.TryGetValue("org.opencontainers.image.ref.name", out var refName) && refName.IndexOfAny([':', '/']) >= 0)
            return ImageReference.ParseWithDefaultTag(refName);
        return null;
    }

    private static string BlobPath(Descriptor d)
    {
        var digest = Digest.TryParse(d.Digest, out var parsed) ? parsed : throw EngineException.Invalid($"invalid OCI descriptor digest \"{d.Digest}\" (only sha256 is supported)");
        return "blobs/sha256/" + digest.Hex;
    }

    /// <summary>Reads a small blob and checks its size and digest against the descriptor.</summary>
    private byte[] ReadBlob(Descriptor d)
    {
        var bytes = ReadAll(BlobPath(d));
        var actual = Digest.Of(bytes);
        if (actual.Value != d.Digest) throw EngineException.Invalid($"invalid OCI layout: blob {d.Digest} has digest {actual}");
        if (d.Size != bytes.Length) throw EngineException.Invalid($"invalid OCI layout: blob {d.Digest} has size {bytes.Length}, descriptor says {d.Size}");
        return bytes;
    }

    private static Digest? BlobDigestOf(string relative)
    {
        var parts = relative.Split('/');
        return parts is ["blobs", "sha256", var hex] && Digest.IsHex64(hex) ? Digest.Parse("sha256:" + hex) : null;
    }

    private byte[] ReadAll(string relative)
    {
        using var s = OpenFile(relative);
        if (s.Length > MaxJsonSize) throw EngineException.Invalid($"invalid archive: {relative} is too large ({s.Length} bytes)");
        var buffer = new byte[s.Length];
        s.ReadExactly(buffer);
        return buffer;
    }

    private static T ParseJson<T>(string what, byte[] bytes)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, ImageJson.Options) ?? throw EngineException.Invalid($"invalid archive: {what} is empty");
        }
        catch (JsonException e)
        {
            throw EngineException.Invalid($"invalid archive: {what}: {e.Message}");
        }
    }

    private bool Exists(string relative)
    {
        try { return File.Exists(Path.Combine(_dir, Resolve(relative))); }
        catch (EngineException) { return false; }
    }

    /// <summary>Follows the archive's own links (docker save links duplicate layers) without leaving the archive.</summary>
    private string Resolve(string relative)
    {
        var current = LayerApplier.CleanName(relative);
        for (var hops = 0; hops < 16; hops++)
        {
            if (!_links.TryGetValue(current, out var link)) return current;
            if (link.Target.StartsWith('/')) throw EngineException.Invalid($"invalid archive: link \"{current}\" points outside the archive");
            var baseDir = link.Hard ? "" : (Path.GetDirectoryName(current) ?? "");
            current = Normalize(baseDir, link.Target, current);
        }
        throw EngineException.Invalid($"invalid archive: too many links resolving \"{relative}\"");
    }

    private static string Normalize(string baseDir, string target, string from)
    {
        var stack = new List<string>(baseDir.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var part in target.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".") continue;
            if (part == "..")
            {
                if (stack.Count == 0) throw EngineException.Invalid($"invalid archive: link \"{from}\" points outside the archive");
                stack.RemoveAt(stack.Count - 1);
                continue;
            }
            stack.Add(part);
        }
        return string.Join('/', stack);
    }

    public void Dispose()
    {
        try { if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }
}
