using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace WebUI.Engine.Recording;

/// <summary>
/// Writes one asciicast v2 recording as the session runs: a header line, then one JSON array per event
/// ([seconds, "o"|"i"|"r", data]). Bytes are decoded per direction, so a UTF-8 sequence split across reads stays whole.
/// Stops at the size limit (the sidecar says truncated); the sidecar is rewritten at the end with the exit code.
/// Events are stamped and decoded when they happen and queued; one background writer appends and flushes them in order
/// (a flush per batch). The returned task completes once the event is in the file: a caller that needs that (a replay of
/// a running session, tests) awaits it; the stdio path (<see cref="RecordingAttachment"/>) does not, so the file never
/// sits between a keystroke and its echo.
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
    private readonly Channel<(string? Line, TaskCompletionSource Written)> _lines =
        Channel.CreateUnbounded<(string?, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private RecordingInfo _info;
    private bool _closed;
    private bool _failed;

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
        _writer = Task.Run(WriteQueuedAsync);
    }

    public Task OutputAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) => WriteAsync("o", Decode(_output, data), cancellationToken);

    public Task InputAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) => WriteAsync("i", Decode(_input, data), cancellationToken);

    public Task ResizeAsync(int height, int width, CancellationToken cancellationToken) => WriteAsync("r", $"{width}x{height}", cancellationToken);

    /// <summary>Records the process's end; output still in flight is recorded until the attachment is disposed.</summary>
    public async Task ExitedAsync(int exitCode)
    {
        await DrainAsync();
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
        _lines.Writer.TryComplete();
        await _writer;
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            if (_closed) return;
            _closed = true;
            if (!_failed) await _file.FlushAsync(CancellationToken.None);
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

    private Task WriteAsync(string code, string data, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (data.Length == 0) return Task.CompletedTask;
        // Stamped now, written by WriteQueuedAsync; after the close nothing more is taken (TryWrite fails).
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var line = JsonSerializer.Serialize<object[]>([Math.Round(_clock.Elapsed.TotalSeconds, 6), code, data]) + "\n";
        if (!_lines.Writer.TryWrite((line, written))) written.SetResult();
        return written.Task;
    }

    /// <summary>The one writer of the file's events: each batch queued so far is appended, then flushed.</summary>
    private async Task WriteQueuedAsync()
    {
        while (await _lines.Reader.WaitToReadAsync(CancellationToken.None))
        {
            var batch = new List<TaskCompletionSource>();
            await _gate.WaitAsync(CancellationToken.None);
            try
            {
                while (_lines.Reader.TryRead(out var e))
                {
                    batch.Add(e.Written);
                    if (e.Line is not null) Append(e.Line);
                }
                if (!_closed && !_failed) await _file.FlushAsync(CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException) { _failed = true; } // a full disk ends the recording, never the exec
            finally
            {
                _gate.Release();
                foreach (var w in batch) w.TrySetResult();
            }
        }
    }

    private void Append(string line)
    {
        if (_closed || _failed || _info.Truncated) return;
        var bytes = Encoding.UTF8.GetBytes(line);
        if (_file.Length + bytes.Length > _maxBytes)
        {
            _info = _info with { Truncated = true, Size = _file.Length };
            _store.WriteInfo(_info);
            return;
        }
        _file.Write(bytes);
    }

    /// <summary>Waits until everything queued before this call is in the file (an empty entry through the same queue).</summary>
    private Task DrainAsync()
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_lines.Writer.TryWrite((null, written))) written.SetResult();
        return written.Task;
    }

    public async ValueTask DisposeAsync() => await CloseAsync();
}
