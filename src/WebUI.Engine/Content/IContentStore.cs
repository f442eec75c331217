namespace WebUI.Engine.Content;

/// <summary>
/// Blobs addressed by digest (containerd style). Lifecycle of a write: Ingest hashes the stream into a private
/// ingest file, fsyncs it, verifies size and digest, then renames it to blobs/sha256/&lt;hex&gt; read-only; only then
/// is it visible. Ingesting a blob that exists already reuses it.
/// </summary>
public interface IContentStore
{
    /// <summary>Size and creation time; throws NotFound for a missing blob.</summary>
    ContentInfo Info(Digest digest);

    bool Exists(Digest digest);

    /// <summary>Opens a committed blob; throws NotFound for a missing one.</summary>
    Stream OpenRead(Digest digest);

    /// <summary>Writes <paramref name="source"/> as a blob; with <paramref name="expected"/> (and/or <paramref name="expectedSize"/>) a mismatch is rejected (InvalidArgument) and nothing becomes visible.</summary>
    Task<ContentInfo> IngestAsync(Stream source, Digest? expected, long? expectedSize, CancellationToken cancellationToken);

    /// <summary>Removes a blob; a missing one is not an error. Returns whether it existed.</summary>
    bool Delete(Digest digest);

    IEnumerable<ContentInfo> List();
}
