using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebUI.Engine;
using WebUI.Engine.Content;
using WebUI.Engine.Distribution;
using WebUI.Engine.Errors;
using WebUI.Engine.Storage;
using WebUI.Registry.Errors;

namespace WebUI.Registry.Storage;

/// <summary>
/// The repositories of the built-in registry. Bytes live once, by digest, in the engine's content store; a repository
/// holds links to them under &lt;DataRoot&gt;/registry/repositories/&lt;name&gt;/:
/// _layers/&lt;hex&gt; (blob links), _manifests/revisions/&lt;hex&gt; (manifest media type and size),
/// _manifests/tags/&lt;tag&gt; (the digest a tag points at), _referrers/&lt;subject hex&gt;/&lt;hex&gt;.
/// A blob or manifest is visible in a repository only once it is verified, committed and linked there.
/// Component names of repositories never start with "_", so these folders cannot collide with a nested repository.
/// </summary>
internal sealed partial class RegistryStore : IContentHolder
{
    private readonly IContentStore _content;
    private readonly ILogger<RegistryStore> _logger;

    public RegistryStore(IOptions<EngineOptions> options, IContentStore content, ILogger<RegistryStore> logger)
    {
        Root = Path.Combine(options.Value.DataRoot, "registry");
        Repositories = Path.Combine(Root, "repositories");
        _content = content;
        _logger = logger;
    }

    public string Root { get; }

    private string Repositories { get; }

    public IContentStore Content => _content;

    private string RepoDir(string name) => Path.Combine(Repositories, name);
    private string LayerLink(string name, Digest d) => Path.Combine(RepoDir(name), "_layers", d.Hex);
    private string RevisionFile(string name, Digest d) => Path.Combine(RepoDir(name), "_manifests", "revisions", d.Hex);
    private string TagsDir(string name) => Path.Combine(RepoDir(name), "_manifests", "tags");
    private string ReferrersDir(string name, Digest subject) => Path.Combine(RepoDir(name), "_referrers", subject.Hex);

    // ---- blobs

    /// <summary>Whether the blob is linked into the repository (and still in the content store).</summary>
    public bool HasBlob(string name, Digest digest) => File.Exists(LayerLink(name, digest)) && _content.Exists(digest);

    public ContentInfo BlobInfo(string name, Digest digest) =>
        HasBlob(name, digest) ? _content.Info(digest) : throw new RegistryException(RegistryErrorCode.BlobUnknown, "blob unknown to registry", new { digest = digest.Value });

    public Stream OpenBlob(string name, Digest digest) =>
        HasBlob(name, digest) ? _content.OpenRead(digest) : throw new RegistryException(RegistryErrorCode.BlobUnknown, "blob unknown to registry", new { digest = digest.Value });

    public void LinkBlob(string name, Digest digest) => AtomicFile.Touch(LayerLink(name, digest));

    /// <summary>Removes the repository's link; the bytes stay for other repositories and images.</summary>
    public bool UnlinkBlob(string name, Digest digest) => AtomicFile.Delete(LayerLink(name, digest));

    /// <summary>
    /// Stores <paramref name="source"/> as the blob <paramref name="expected"/> and links it into the repository.
    /// The content is always read and verified, also when the content store has the digest already: knowing a
    /// digest must not be enough to get another repository's blob linked into yours.
    /// </summary>
    public async Task<ContentInfo> IngestBlobAsync(string name, Stream source, Digest expected, long? expectedSize, CancellationToken cancellationToken)
    {
        ContentInfo info;
        try
        {
            if (_content.Exists(expected))
            {
                var (digest, size) = await HashAsync(source, cancellationToken);
                if (digest != expected) throw EngineException.Invalid($"content digest mismatch: expected {expected}, got {digest}");
                if (expectedSize is { } want && want != size) throw EngineException.Invalid($"content size mismatch: expected {want} bytes, got {size}");
                info = _content.Info(expected);
            }
            else
            {
                info = await _content.IngestAsync(source, expected, expectedSize, cancellationToken);
            }
        }
        catch (EngineException e) when (e.Kind == ErrorKind.InvalidArgument)
        {
            LogRejectedBlob(_logger, name, expected.Value, e.Message);
            var code = e.Message.Contains("size", StringComparison.Ordinal) ? RegistryErrorCode.SizeInvalid : RegistryErrorCode.DigestInvalid;
            throw new RegistryException(code, "provided digest did not match uploaded content", new { digest = expected.Value, reason = e.Message });
        }
        LinkBlob(name, expected);
        return info;
    }

    private static async Task<(Digest, long)> HashAsync(Stream source, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int n;
        while ((n = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, n);
            size += n;
        }
        return (Digest.FromHash(hash.GetHashAndReset()), size);
    }

    /// <summary>Whether any repository links the blob or holds it as a manifest (so image removal keeps it).</summary>
    public bool Holds(Digest digest)
    {
        if (!Directory.Exists(Repositories)) return false;
        return RepositoryDirs(Repositories).Any(dir =>
            File.Exists(Path.Combine(dir, "_layers", digest.Hex)) || File.Exists(Path.Combine(dir, "_manifests", "revisions", digest.Hex)));
    }

    private static IEnumerable<string> RepositoryDirs(string dir)
    {
        foreach (var sub in Directory.EnumerateDirectories(dir))
        {
            if (Path.GetFileName(sub).StartsWith('_')) continue;
            yield return sub;
            foreach (var nested in RepositoryDirs(sub)) yield return nested;
        }
    }

    // ---- manifests

    public ManifestRevision? Revision(string name, Digest digest)
    {
        var path = RevisionFile(name, digest);
        if (!File.Exists(path) || !_content.Exists(digest)) return null;
        return JsonSerializer.Deserialize<ManifestRevision>(File.ReadAllBytes(path));
    }

    public byte[] ReadManifest(Digest digest)
    {
        using var s = _content.OpenRead(digest);
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }

    /// <summary>Stores a parsed and checked manifest, links it, points <paramref name="tag"/> at it and records it as a referrer of its subject.</summary>
    public async Task<Digest> PutManifestAsync(string name, byte[] bytes, ManifestDocument manifest, string? tag, CancellationToken cancellationToken)
    {
        var digest = Digest.Of(bytes);
        await _content.IngestAsync(new MemoryStream(bytes, writable: false), digest, bytes.Length, cancellationToken);
        var revision = new ManifestRevision(manifest.ResolvedMediaType, bytes.Length, manifest.Subject?.Digest);
        AtomicFile.Write(RevisionFile(name, digest), JsonSerializer.SerializeToUtf8Bytes(revision));
        if (manifest.Subject is { } subject)
            AtomicFile.Touch(Path.Combine(ReferrersDir(name, Digest.Parse(subject.Digest)), digest.Hex));
        if (tag is not null) AtomicFile.Write(Path.Combine(TagsDir(name), tag), Encoding.ASCII.GetBytes(digest.Value));
        return digest;
    }

    public Digest? ResolveTag(string name, string tag)
    {
        var path = Path.Combine(TagsDir(name), tag);
        if (!File.Exists(path)) return null;
        return Digest.TryParse(File.ReadAllText(path).Trim(), out var d) ? d : null;
    }

    /// <summary>Removes the manifest from the repository, with every tag pointing at it and its referrer record.</summary>
    public bool DeleteManifest(string name, Digest digest)
    {
        var revision = Revision(name, digest);
        if (revision is null) return false;
        foreach (var tag in Tags(name))
            if (ResolveTag(name, tag) == digest) AtomicFile.Delete(Path.Combine(TagsDir(name), tag));
        if (revision.Subject is { } s && Digest.TryParse(s, out var subject))
            AtomicFile.Delete(Path.Combine(ReferrersDir(name, subject), digest.Hex));
        AtomicFile.Delete(RevisionFile(name, digest));
        return true;
    }

    public bool DeleteTag(string name, string tag) => AtomicFile.Delete(Path.Combine(TagsDir(name), tag));

    /// <summary>The repository's tags, sorted ordinally.</summary>
    public IReadOnlyList<string> Tags(string name)
    {
        var dir = TagsDir(name);
        if (!Directory.Exists(dir)) return [];
        var tags = Directory.EnumerateFiles(dir).Select(Path.GetFileName).Where(t => t is not null && RepositoryName.IsValidTag(t)).Select(t => t!).ToList();
        tags.Sort(StringComparer.Ordinal);
        return tags;
    }

    /// <summary>Whether the repository has ever received a manifest or a blob.</summary>
    public bool RepositoryExists(string name) =>
        Directory.Exists(Path.Combine(RepoDir(name), "_manifests")) || Directory.Exists(Path.Combine(RepoDir(name), "_layers"));

    /// <summary>The manifests that name <paramref name="subject"/> as their subject.</summary>
    public IReadOnlyList<Digest> Referrers(string name, Digest subject)
    {
        var dir = ReferrersDir(name, subject);
        if (!Directory.Exists(dir)) return [];
        return Directory.EnumerateFiles(dir).Select(Path.GetFileName)
            .Where(f => f is not null && Digest.IsHex64(f))
            .Select(f => Digest.Parse(Digest.Sha256Prefix + f))
            .Where(d => Revision(name, d) is not null)
            .OrderBy(d => d.Value, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Repositories holding at least one manifest, sorted ordinally.</summary>
    public IReadOnlyList<string> ListRepositories()
    {
        var result = new List<string>();
        if (Directory.Exists(Repositories)) Walk(Repositories, "", result);
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    private static void Walk(string dir, string prefix, List<string> result)
    {
        foreach (var sub in Directory.EnumerateDirectories(dir))
        {
            var component = Path.GetFileName(sub);
            if (component.StartsWith('_')) continue;
            var name = prefix.Length == 0 ? component : prefix + "/" + component;
            var revisions = Path.Combine(sub, "_manifests", "revisions");
            if (Directory.Exists(revisions) && Directory.EnumerateFiles(revisions).Any(f => !Path.GetFileName(f).StartsWith('.'))) result.Add(name);
            Walk(sub, name, result);
        }
    }
}
