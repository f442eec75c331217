using System.Text;
using WebUI.Engine.Content;
using WebUI.Engine.Errors;
using WebUI.Engine.Tests.Images;

namespace WebUI.Engine.Tests.Content;

public sealed class LocalContentStoreTests : IDisposable
{
    private readonly TestEngine _engine = new();
    private static readonly byte[] Data = Encoding.UTF8.GetBytes("hello content store");

    public void Dispose() => _engine.Dispose();

    private string IngestDir => Path.Combine(_engine.DataRoot, "content", "ingest");

    [Fact]
    public async Task Ingest_commits_a_read_only_blob_at_its_digest_path()
    {
        var info = await _engine.Content.IngestAsync(new MemoryStream(Data), Digest.Of(Data), Data.Length, default);

        var path = Path.Combine(_engine.DataRoot, "content", "blobs", "sha256", Digest.Of(Data).Hex);
        Assert.Equal(Digest.Of(Data), info.Digest);
        Assert.Equal(Data, File.ReadAllBytes(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(IngestDir));
        Assert.Single(_engine.Content.List());
    }

    [Fact]
    public async Task A_wrong_digest_is_rejected_and_nothing_becomes_visible()
    {
        var wrong = Digest.Of("something else");
        var e = await Assert.ThrowsAsync<EngineException>(() => _engine.Content.IngestAsync(new MemoryStream(Data), wrong, null, default));

        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
        Assert.Contains("digest mismatch", e.Message);
        Assert.False(_engine.Content.Exists(wrong));
        Assert.False(_engine.Content.Exists(Digest.Of(Data)));
        Assert.Empty(Directory.EnumerateFileSystemEntries(IngestDir));
    }

    [Fact]
    public async Task A_wrong_size_is_rejected()
    {
        var e = await Assert.ThrowsAsync<EngineException>(() => _engine.Content.IngestAsync(new MemoryStream(Data), Digest.Of(Data), Data.Length - 1, default));
        Assert.Contains("size mismatch", e.Message);
        Assert.Empty(_engine.Content.List());
    }

    [Fact]
    public async Task A_write_that_fails_midway_is_never_visible()
    {
        var source = new FailingStream(Data, failAfter: 5);
        await Assert.ThrowsAsync<IOException>(() => _engine.Content.IngestAsync(source, null, null, default));

        Assert.Empty(_engine.Content.List());
        Assert.Empty(Directory.EnumerateFileSystemEntries(IngestDir));
    }

    [Fact]
    public async Task Ingesting_an_existing_blob_reuses_it()
    {
        var first = await _engine.Content.IngestAsync(new MemoryStream(Data), null, null, default);
        var second = await _engine.Content.IngestAsync(new MemoryStream(Data), null, null, default);
        var known = await _engine.Content.IngestAsync(new MemoryStream(Data), first.Digest, Data.Length, default);

        Assert.Equal(first.Digest, second.Digest);
        Assert.Equal(first.Digest, known.Digest);
        Assert.Single(_engine.Content.List());
        await using var read = _engine.Content.OpenRead(first.Digest);
        Assert.Equal(Data.Length, read.Length);
        Assert.True(_engine.Content.Delete(first.Digest));
        Assert.False(_engine.Content.Delete(first.Digest));
        Assert.Equal(ErrorKind.NotFound, Assert.Throws<EngineException>(() => _engine.Content.OpenRead(first.Digest)).Kind);
    }

    [Theory]
    [InlineData("sha256:abc")]
    [InlineData("md5:0123456789abcdef0123456789abcdef")]
    [InlineData("sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Malformed_digests_are_refused(string value)
    {
        Assert.False(Digest.TryParse(value, out _));
        Assert.Equal(ErrorKind.InvalidArgument, Assert.Throws<EngineException>(() => Digest.Parse(value)).Kind);
    }

    private sealed class FailingStream(byte[] data, int failAfter) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position >= failAfter) throw new IOException("connection reset");
            return base.ReadAsync(buffer[..Math.Min(buffer.Length, failAfter)], cancellationToken);
        }
    }
}
