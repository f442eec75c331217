using System.Net.Sockets;

namespace WebUI.Engine.Containers;

/// <summary>
/// A client of conmon's attach socket (SOCK_SEQPACKET). conmon prefixes every output message with one byte, the pipe
/// (2 stdout, 3 stderr); bytes written to the socket go to the container's stdin; shutting down our write side makes
/// conmon close stdin (unless it was told --leave-stdin-open). Until <see cref="Connect"/> is called (the container is
/// being started) reads and writes wait.
/// </summary>
internal sealed class ContainerAttachment(bool tty, Action<ContainerAttachment> onDispose) : IContainerAttachment
{
    // conmon sends at most its stdio buffer (8192) plus the pipe byte per message.
    private const int MessageSize = 32 * 1024;
    private readonly TaskCompletionSource<Socket?> _socket = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly byte[] _buffer = new byte[MessageSize];
    private int _disposed;

    public bool Tty { get; } = tty;

    /// <summary>Connects to conmon's attach socket; an error ends the session (reads return null).</summary>
    public async Task ConnectAsync(string socketPath, CancellationToken cancellationToken)
    {
        var s = new Socket(AddressFamily.Unix, SocketType.Seqpacket, ProtocolType.Unspecified);
        try
        {
            await s.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
            if (!_socket.TrySetResult(s)) s.Dispose();
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            s.Dispose();
            _socket.TrySetResult(null);
        }
    }

    /// <summary>Ends a session that will never connect (the container was removed or failed to start).</summary>
    public void Abandon() => _socket.TrySetResult(null);

    public async ValueTask<(LogStream Stream, ReadOnlyMemory<byte> Data)?> ReadAsync(CancellationToken cancellationToken)
    {
        var s = await _socket.Task.WaitAsync(cancellationToken);
        if (s is null) return null;
        while (true)
        {
            int n;
            try { n = await s.ReceiveAsync(_buffer, SocketFlags.None, cancellationToken); }
            catch (SocketException) { return null; }
            catch (ObjectDisposedException) { return null; }
            if (n == 0) return null;
            if (n == 1) continue;
            var stream = _buffer[0] == 3 ? LogStream.Stderr : LogStream.Stdout;
            return (stream, _buffer.AsMemory(1, n - 1).ToArray());
        }
    }

    public async ValueTask WriteStdinAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var s = await _socket.Task.WaitAsync(cancellationToken);
        if (s is null) return;
        try
        {
            // One message per send; conmon reads at most 8192 bytes per message.
            for (var off = 0; off < data.Length; off += 8192)
                await s.SendAsync(data.Slice(off, Math.Min(8192, data.Length - off)), SocketFlags.None, cancellationToken);
        }
        catch (SocketException) { }
        catch (ObjectDisposedException) { }
    }

    public async ValueTask CloseStdinAsync(CancellationToken cancellationToken)
    {
        var s = await _socket.Task.WaitAsync(cancellationToken);
        try { s?.Shutdown(SocketShutdown.Send); }
        catch (SocketException) { }
        catch (ObjectDisposedException) { }
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return ValueTask.CompletedTask;
        onDispose(this);
        _socket.TrySetResult(null);
        if (_socket.Task.IsCompletedSuccessfully) _socket.Task.Result?.Dispose();
        return ValueTask.CompletedTask;
    }
}
