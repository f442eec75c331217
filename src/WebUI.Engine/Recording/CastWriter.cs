using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace WebUI.Engine.Recording;

/// <summary>
/// Writes one asciicast v2 recording as the session runs: a header line, then one JSON array per event
/// ([seconds, "o"|"i"|"r", data]). Bytes are decoded per direction, so a UTF-8 sequence split across reads stays whole.
/// Stops at the size limit (the sidecar says truncated); the sidecar is rewritten at the end with the exit code.
/// </summary>
internal sealed class CastWriter : IAsyncDisposable
{
    private readonly RecordingStore _store;
    private readonly FileStream _file;
    private readonly long _maxBytes;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Decoder _output = Encoding.UTF8.GetDecoder();
    private readonly Decoder _input = Encoding.UTF8.GetDecoder();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private RecordingInfo _info;
    private bool _closed;

    public CastWriter(RecordingStore store, RecordingInfo info, int width, int height, long maxBytes)
    {
        _store = store;
        _info = info;
        _maxBytes = maxBytes;
        _file = store.CreateCast(info.ContainerId, info.Id);
        var header = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["version"] = 2,
            ["width"] = width,
            ["height"] = height,
            ["timestamp"] = info.Started.ToUnixTimeSeconds(),
            ["command"] = info.Command,
            ["title"] = $"{info.User}: {info.Command}",
            ["env"] = new Dictionary<string, string> { ["TERM"] = "xterm" },
        });
        var bytes = Encoding.UTF8.GetBytes(header + "\n");
        _file.Write(bytes);
        _file.Flush();
        store.WriteInfo(_info with { Size = _file.Length });
    }

    public Task OutputAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) => WriteAsync("o", Decode(_output, data), cancellationToken);

    public Task InputAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) => WriteAsync("i", Decode(_input, data), cancellationToken);

    public Task ResizeAsync(int height, int width, CancellationToken cancellationToken) => WriteAsync("r", $"{width}x{height}", cancellationToken);

    /// <summary>Records the process's end; output still in flight is recorded until the attachment is disposed.</summary>
    public async Task ExitedAsync(int exitCode)
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            _info = _info with { Ended = DateTimeOffset.UtcNow, ExitCode = exitCode, Size = _closed ? _info.Size : _file.Length };
            _store.WriteInfo(_info);
        }
        finally { _gate.Release(); }
    }

    /// <summary>Closes the file and writes the sidecar's final size.</summary>
    private async Task CloseAsync()
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            if (_closed) return;
            _closed = true;
            await _file.FlushAsync(CancellationToken.None);
            _info = _info with { Ended = _info.Ended ?? DateTimeOffset.UtcNow, Size = _file.Length };
            await _file.DisposeAsync();
            _store.WriteInfo(_info);
        }
        finally { _gate.Release(); }
    }

    private static string Decode(Decoder decoder, ReadOnlyMemory<byte> data)
    {
        var chars = new char[decoder.GetCharCount(data.Span, flush: false)];
        var n = decoder.GetChars(data.Span, chars, flush: false);
        return new string(chars, 0, n);
    }

    private async Task WriteAsync(string code, string data, CancellationToken cancellationToken)
    {
        if (data.Length == 0) return;
        var line = JsonSerializer.Serialize<object[]>([Math.Round(_clock.Elapsed.TotalSeconds, 6), code, data]) + "\n";
        var bytes = Encoding.UTF8.GetBytes(line);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_closed || _info.Truncated) return;
            if (_file.Length + bytes.Length > _maxBytes)
            {
                _info = _info with { Truncated = true, Size = _file.Length };
                _store.WriteInfo(_info);
                return;
            }
            await _file.WriteAsync(bytes, cancellationToken);
            // Flushed per event: a replay of a running session sees everything so far.
            await _file.FlushAsync(cancellationToken);
        }
        finally { _gate.Release(); }
    }

    public async ValueTask DisposeAsync() => await CloseAsync();
}
