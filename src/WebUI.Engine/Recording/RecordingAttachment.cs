using WebUI.Engine.Containers;

namespace WebUI.Engine.Recording;

/// <summary>
/// An exec's stdio as its front door sees it, with every output chunk and every stdin write also recorded. The recording
/// is queued (stamped and decoded now, in order) and not awaited: the file is written beside the stream, not in front of it.
/// </summary>
internal sealed class RecordingAttachment(IContainerAttachment inner, CastWriter writer) : IContainerAttachment
{
    public bool Tty => inner.Tty;

    public async ValueTask<(LogStream Stream, ReadOnlyMemory<byte> Data)?> ReadAsync(CancellationToken cancellationToken)
    {
        var chunk = await inner.ReadAsync(cancellationToken);
        if (chunk is { } c) _ = writer.OutputAsync(c.Data, CancellationToken.None);
        return chunk;
    }

    public async ValueTask WriteStdinAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        _ = writer.InputAsync(data, CancellationToken.None);
        await inner.WriteStdinAsync(data, cancellationToken);
    }

    public ValueTask CloseStdinAsync(CancellationToken cancellationToken) => inner.CloseStdinAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await writer.DisposeAsync();
    }
}
