namespace WebUI.Engine.Containers;

/// <summary>A connection to a container's stdio; output ends when the container exits. Dispose to detach.</summary>
public interface IContainerAttachment : IAsyncDisposable
{
    /// <summary>Whether the container has a terminal (output is then one raw stream).</summary>
    bool Tty { get; }

    /// <summary>The next chunk of output, or null at the end (the container exited or conmon went away).</summary>
    ValueTask<(LogStream Stream, ReadOnlyMemory<byte> Data)?> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Writes to the container's stdin (buffered until the container runs).</summary>
    ValueTask WriteStdinAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>Closes the container's stdin (the client half-closed); output keeps flowing.</summary>
    ValueTask CloseStdinAsync(CancellationToken cancellationToken);
}
