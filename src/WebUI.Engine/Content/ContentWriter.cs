using System.Security.Cryptography;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Content;

/// <summary>
/// An open ingest: bytes written are hashed on the way to content/ingest/&lt;random&gt;; <see cref="CommitAsync"/>
/// verifies and renames the file into the store. Disposed without a commit, the partial file is removed.
/// </summary>
internal sealed class ContentWriter : IAsyncDisposable
{
    private readonly LocalContentStore _store;
    private readonly string _path;
    private readonly FileStream _file;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private bool _committed;

    internal ContentWriter(LocalContentStore store, string path)
    {
        _store = store;
        _path = path;
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
    }

    public long Size { get; private set; }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        _hash.AppendData(data.Span);
        await _file.WriteAsync(data, cancellationToken);
        Size += data.Length;
    }

    /// <summary>fsync, verify against what the caller expects, rename into place read-only (an existing blob is reused).</summary>
    public async Task<ContentInfo> CommitAsync(Digest? expected, long? expectedSize, CancellationToken cancellationToken)
    {
        await _file.FlushAsync(cancellationToken);
        _file.Flush(flushToDisk: true);
        await _file.DisposeAsync();
        var digest = Digest.FromHash(_hash.GetHashAndReset());
        if (expectedSize is { } want && want != Size)
            throw EngineException.Invalid($"content size mismatch for {expected?.ToString() ?? digest.ToString()}: expected {want} bytes, got {Size}");
        if (expected is { } exp && exp != digest)
            throw EngineException.Invalid($"content digest mismatch: expected {exp}, got {digest}");
        _committed = true;
        return _store.CommitIngested(_path, digest);
    }

    public async ValueTask DisposeAsync()
    {
        await _file.DisposeAsync();
        _hash.Dispose();
        if (!_committed && File.Exists(_path)) File.Delete(_path);
    }
}
