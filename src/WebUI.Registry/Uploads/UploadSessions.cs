using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebUI.Engine.Content;
using WebUI.Engine.Storage;
using WebUI.Registry.Errors;
using WebUI.Registry.Storage;

namespace WebUI.Registry.Uploads;

/// <summary>
/// Blob upload sessions under &lt;DataRoot&gt;/registry/_uploads/&lt;id&gt;/ (info.json, data). Chunks are appended in
/// order; completing streams the data through the content store (verify, commit) and links the blob. Nothing of a
/// session is visible before that. Sessions idle longer than Registry:UploadSessionExpiry are removed by <see cref="Sweep"/>.
/// </summary>
internal sealed partial class UploadSessions
{
    private readonly string _root;
    private readonly RegistryStore _store;
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<RegistryOptions> _options;
    private readonly ILogger<UploadSessions> _logger;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public UploadSessions(RegistryStore store, TimeProvider time, IOptionsMonitor<RegistryOptions> options, ILogger<UploadSessions> logger)
    {
        _root = Path.Combine(store.Root, "_uploads");
        _store = store;
        _time = time;
        _options = options;
        _logger = logger;
    }

    private string Dir(string id) => Path.Combine(_root, id);
    private string DataFile(string id) => Path.Combine(Dir(id), "data");
    private string InfoFile(string id) => Path.Combine(Dir(id), "info.json");

    public string Start(string repository)
    {
        var id = Guid.NewGuid().ToString("D");
        Directory.CreateDirectory(Dir(id));
        File.WriteAllBytes(DataFile(id), []);
        AtomicFile.Write(InfoFile(id), JsonSerializer.SerializeToUtf8Bytes(new UploadSessionInfo(repository, _time.GetUtcNow())));
        LogStarted(_logger, id, repository);
        return id;
    }

    /// <summary>The bytes received so far; throws BLOB_UPLOAD_UNKNOWN for an unknown session or one of another repository.</summary>
    public long Size(string repository, string id)
    {
        Check(repository, id);
        return new FileInfo(DataFile(id)).Length;
    }

    /// <summary>
    /// Appends a chunk. <paramref name="start"/>/<paramref name="end"/> come from Content-Range (inclusive) when the
    /// client sent one: the chunk must start where the data ends (else 416) and be exactly that long.
    /// </summary>
    public async Task<long> AppendAsync(string repository, string id, Stream chunk, long? start, long? end, CancellationToken cancellationToken)
    {
        Check(repository, id);
        var gate = _locks.GetOrAdd(id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            Check(repository, id);
            await using var data = new FileStream(DataFile(id), FileMode.Open, FileAccess.Write, FileShare.Read, 81920, FileOptions.Asynchronous);
            var before = data.Length;
            if (start is { } s && s != before)
                throw new RegistryException(RegistryErrorCode.RangeInvalid, $"chunk starts at {s} but the upload has {before} bytes", new { size = before });
            data.Seek(0, SeekOrigin.End);
            try
            {
                await chunk.CopyToAsync(data, cancellationToken);
                if (end is { } e && data.Length != e + 1)
                    throw new RegistryException(RegistryErrorCode.BlobUploadInvalid, $"Content-Range says the chunk ends at {e} but it ended at {data.Length - 1}");
            }
            catch
            {
                // A chunk arrives whole or not at all, so the client can resend it.
                data.SetLength(before);
                throw;
            }
            await data.FlushAsync(cancellationToken);
            return data.Length;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Verifies the received bytes against <paramref name="digest"/>, commits and links the blob, and ends the session (also when verification fails).</summary>
    public async Task<ContentInfo> CompleteAsync(string repository, string id, Digest digest, CancellationToken cancellationToken)
    {
        Check(repository, id);
        var gate = _locks.GetOrAdd(id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            Check(repository, id);
            ContentInfo info;
            await using (var data = new FileStream(DataFile(id), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous))
            {
                try
                {
                    info = await _store.IngestBlobAsync(repository, data, digest, null, cancellationToken);
                }
                catch (RegistryException)
                {
                    Remove(id);
                    throw;
                }
            }
            Remove(id);
            LogCompleted(_logger, id, repository, digest.Value, info.Size);
            return info;
        }
        finally
        {
            gate.Release();
            _locks.TryRemove(id, out _);
        }
    }

    public void Cancel(string repository, string id)
    {
        Check(repository, id);
        Remove(id);
    }

    /// <summary>Removes sessions idle for longer than the expiry; returns how many.</summary>
    public int Sweep()
    {
        if (!Directory.Exists(_root)) return 0;
        var expiry = _options.CurrentValue.UploadSessionExpiry;
        var now = _time.GetUtcNow();
        var removed = 0;
        foreach (var dir in Directory.EnumerateDirectories(_root))
        {
            var id = Path.GetFileName(dir);
            var data = new FileInfo(DataFile(id));
            var lastActivity = data.Exists ? data.LastWriteTimeUtc : Directory.GetLastWriteTimeUtc(dir);
            if (now - new DateTimeOffset(lastActivity, TimeSpan.Zero) < expiry) continue;
            var gate = _locks.GetOrAdd(id, _ => new SemaphoreSlim(1, 1));
            if (!gate.Wait(0)) continue; // a chunk is arriving right now: not abandoned
            try
            {
                Remove(id);
                removed++;
                LogExpired(_logger, id);
            }
            finally
            {
                gate.Release();
                _locks.TryRemove(id, out _);
            }
        }
        return removed;
    }

    private void Check(string repository, string id)
    {
        if (!Guid.TryParseExact(id, "D", out _)) throw Unknown(id);
        var info = InfoFile(id);
        if (!File.Exists(info)) throw Unknown(id);
        UploadSessionInfo? session;
        try { session = JsonSerializer.Deserialize<UploadSessionInfo>(File.ReadAllBytes(info)); }
        catch (Exception e) when (e is JsonException or IOException) { throw Unknown(id); }
        if (session?.Repository != repository) throw Unknown(id);
    }

    private void Remove(string id)
    {
        try { Directory.Delete(Dir(id), recursive: true); }
        catch (DirectoryNotFoundException) { }
    }

    private static RegistryException Unknown(string id) =>
        new(RegistryErrorCode.BlobUploadUnknown, "blob upload unknown to registry", new { uuid = id });
}
