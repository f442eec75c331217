using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Content;

/// <summary>The content store on the local file system: &lt;DataRoot&gt;/content/blobs/sha256/&lt;hex&gt;, writes staged in content/ingest/.</summary>
internal sealed partial class LocalContentStore : IContentStore
{
    private readonly string _blobs;
    private readonly string _ingest;
    private readonly ILogger<LocalContentStore> _logger;

    public LocalContentStore(IOptions<EngineOptions> options, ILogger<LocalContentStore> logger)
    {
        var root = Path.Combine(options.Value.DataRoot, "content");
        _blobs = Path.Combine(root, "blobs", "sha256");
        _ingest = Path.Combine(root, "ingest");
        _logger = logger;
    }

    /// <summary>Creates the directories and removes ingests a crash left behind (they were never visible).</summary>
    public void Initialize()
    {
        Directory.CreateDirectory(_blobs);
        if (Directory.Exists(_ingest))
        {
            foreach (var stale in Directory.EnumerateFileSystemEntries(_ingest))
            {
                LogStaleIngest(_logger, stale);
                if (Directory.Exists(stale)) Directory.Delete(stale, true); else File.Delete(stale);
            }
        }
        Directory.CreateDirectory(_ingest);
    }

    public string PathOf(Digest digest) => Path.Combine(_blobs, digest.Hex);

    public bool Exists(Digest digest) => File.Exists(PathOf(digest));

    public ContentInfo Info(Digest digest)
    {
        var fi = new FileInfo(PathOf(digest));
        if (!fi.Exists) throw EngineException.NotFound($"content {digest}: not found");
        return new ContentInfo(digest, fi.Length, fi.LastWriteTimeUtc);
    }

    public Stream OpenRead(Digest digest)
    {
        try
        {
            return new FileStream(PathOf(digest), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);
        }
        catch (FileNotFoundException)
        {
            throw EngineException.NotFound($"content {digest}: not found");
        }
    }

    public async Task<ContentInfo> IngestAsync(Stream source, Digest? expected, long? expectedSize, CancellationToken cancellationToken)
    {
        if (expected is { } known && Exists(known))
            return Info(known);

        Directory.CreateDirectory(_ingest);
        var temp = Path.Combine(_ingest, Guid.NewGuid().ToString("N"));
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var buffer = new byte[81920];
                int n;
                while ((n = await source.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, n);
                    await output.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
                    size += n;
                    if (expectedSize is { } max && size > max)
                        throw EngineException.Invalid($"content size mismatch for {expected?.ToString() ?? "blob"}: more than the expected {max} bytes");
                }
                output.Flush(flushToDisk: true);
            }
            var digest = Digest.FromHash(hash.GetHashAndReset());
            if (expectedSize is { } want && want != size)
                throw EngineException.Invalid($"content size mismatch for {expected?.ToString() ?? digest.ToString()}: expected {want} bytes, got {size}");
            if (expected is { } exp && exp != digest)
                throw EngineException.Invalid($"content digest mismatch: expected {exp}, got {digest}");

            var final = PathOf(digest);
            if (File.Exists(final))
                return Info(digest);
            Linux.Sys.chmod(temp, 0x124); // 0444: committed blobs are immutable
            File.Move(temp, final, overwrite: true);
            LogCommitted(_logger, digest.ToString(), size);
            return Info(digest);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Starts an ingest whose bytes the caller writes (e.g. through a <see cref="TeeReadStream"/>).</summary>
    internal ContentWriter BeginWrite()
    {
        Directory.CreateDirectory(_ingest);
        return new ContentWriter(this, Path.Combine(_ingest, Guid.NewGuid().ToString("N")));
    }

    /// <summary>Moves a verified, fsynced ingest file into place read-only; an existing blob wins and the file is dropped.</summary>
    internal ContentInfo CommitIngested(string ingestPath, Digest digest)
    {
        var final = PathOf(digest);
        if (File.Exists(final))
        {
            File.Delete(ingestPath);
            return Info(digest);
        }
        Linux.Sys.chmod(ingestPath, 0x124); // 0444: committed blobs are immutable
        File.Move(ingestPath, final, overwrite: true);
        LogCommitted(_logger, digest.ToString(), new FileInfo(final).Length);
        return Info(digest);
    }

    public bool Delete(Digest digest)
    {
        var path = PathOf(digest);
        if (!File.Exists(path)) return false;
        File.Delete(path);
        return true;
    }

    public IEnumerable<ContentInfo> List()
    {
        if (!Directory.Exists(_blobs)) yield break;
        foreach (var file in Directory.EnumerateFiles(_blobs))
        {
            var name = Path.GetFileName(file);
            if (!Digest.IsHex64(name)) continue;
            var fi = new FileInfo(file);
            yield return new ContentInfo(Digest.Parse(Digest.Sha256Prefix + name), fi.Length, fi.LastWriteTimeUtc);
        }
    }
}
