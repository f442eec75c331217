namespace WebUI.Engine.Distribution;

/// <summary>A read-only pass-through that reports how many bytes went by, every 512 KiB and at the end, to keep the stream of progress messages small.</summary>
/// <remarks>With a <c>limit</c>, reading past it fails: a registry that sends more than it declared is cut off.</remarks>
internal sealed class ProgressReadStream(Stream inner, Action<long> report, long? limit = null) : Stream
{
    private const long Step = 512 * 1024;
    private long _reported;

    public long BytesRead { get; private set; }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken);
        Advance(n);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = inner.Read(buffer, offset, count);
        Advance(n);
        return n;
    }

    private void Advance(int n)
    {
        BytesRead += n;
        if (limit is { } max && BytesRead > max)
            throw new Errors.EngineException(Errors.ErrorKind.InvalidArgument, $"content size mismatch: the registry sent more than the declared {max} bytes");
        if (n == 0 || BytesRead - _reported >= Step)
        {
            _reported = BytesRead;
            report(BytesRead);
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
