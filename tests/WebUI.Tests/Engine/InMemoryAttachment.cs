using System.Text;
using System.Threading.Channels;
using WebUI.Engine.Containers;

namespace WebUI.Tests.Engine;

/// <summary>A process's stdio in memory: the test prints output and reads what was written to stdin.</summary>
public sealed class InMemoryAttachment : IContainerAttachment
{
    private readonly Channel<ReadOnlyMemory<byte>> _output = Channel.CreateUnbounded<ReadOnlyMemory<byte>>();
    private readonly MemoryStream _stdin = new();

    public bool Tty => true;
    public bool Disposed { get; private set; }

    public string Stdin
    {
        get { lock (_stdin) return Encoding.UTF8.GetString(_stdin.ToArray()); }
    }

    public void Print(string text) => Print(Encoding.UTF8.GetBytes(text));

    public void Print(byte[] bytes) => _output.Writer.TryWrite(bytes);

    /// <summary>The output ends (the process closed its terminal).</summary>
    public void End() => _output.Writer.TryComplete();

    public async ValueTask<(LogStream Stream, ReadOnlyMemory<byte> Data)?> ReadAsync(CancellationToken cancellationToken)
    {
        if (await _output.Reader.WaitToReadAsync(cancellationToken) && _output.Reader.TryRead(out var data)) return (LogStream.Stdout, data);
        return null;
    }

    public ValueTask WriteStdinAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        lock (_stdin) _stdin.Write(data.Span);
        return ValueTask.CompletedTask;
    }

    public ValueTask CloseStdinAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        _output.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }
}
