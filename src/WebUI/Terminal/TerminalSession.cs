using System.Text;
using WebUI.Engine.Containers;

namespace WebUI.Terminal;

/// <summary>
/// One open terminal, kept on the server for its owner: the process, the output kept for re-attaching browsers, and the
/// browser connections watching it. The output pump is the only writer of the scrollback; a joining connection gets a
/// snapshot and every chunk after it (by sequence number), so nothing is lost or shown twice.
/// </summary>
internal sealed class TerminalSession
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _scrollback = new();
    private readonly List<string> _viewers = [];
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private readonly SemaphoreSlim _input = new(1, 1);
    private readonly int _maxScrollback;
    private long _seq;

    public TerminalSession(string id, string owner, TerminalOpenRequest request, string command, TerminalProcess process, DateTimeOffset started, int maxScrollback)
    {
        Id = id;
        Owner = owner;
        ContainerId = request.ContainerId;
        Mode = request.Mode;
        Command = command;
        User = request.User ?? "";
        Process = process;
        Started = started;
        LastActivity = started;
        _maxScrollback = maxScrollback;
    }

    public string Id { get; }
    public string Owner { get; }
    public string ContainerId { get; }
    public TerminalMode Mode { get; }
    public string Command { get; }
    public string User { get; }
    public TerminalProcess Process { get; }
    public DateTimeOffset Started { get; }
    public DateTimeOffset LastActivity { get; private set; }
    public int? ExitCode { get; private set; }
    public bool Exited { get; private set; }

    public TerminalSessionInfo Info()
    {
        lock (_gate) return new TerminalSessionInfo(Id, ContainerId, Mode, Command, User, Started, Exited, ExitCode, _viewers.Count);
    }

    public int ViewerCount
    {
        get { lock (_gate) return _viewers.Count; }
    }

    /// <summary>Adds a viewer and returns what it must show first.</summary>
    public TerminalSnapshot Join(string connectionId, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_viewers.Contains(connectionId)) _viewers.Add(connectionId);
            LastActivity = now;
            return new TerminalSnapshot(new TerminalSessionInfo(Id, ContainerId, Mode, Command, User, Started, Exited, ExitCode, _viewers.Count), _scrollback.ToString(), _seq);
        }
    }

    public bool Leave(string connectionId, DateTimeOffset now)
    {
        lock (_gate)
        {
            LastActivity = now;
            return _viewers.Remove(connectionId);
        }
    }

    /// <summary>Decodes a chunk of output (UTF-8 split across chunks stays whole), keeps it and returns it with its number and the viewers to send it to.</summary>
    public (long Seq, string Text, IReadOnlyList<string> Viewers) Append(ReadOnlyMemory<byte> data, DateTimeOffset now)
    {
        var chars = new char[_decoder.GetCharCount(data.Span, flush: false)];
        var n = _decoder.GetChars(data.Span, chars, flush: false);
        var text = new string(chars, 0, n);
        lock (_gate)
        {
            _scrollback.Append(text);
            if (_scrollback.Length > _maxScrollback) _scrollback.Remove(0, _scrollback.Length - _maxScrollback);
            LastActivity = now;
            return (++_seq, text, [.. _viewers]);
        }
    }

    public IReadOnlyList<string> MarkExited(int exitCode)
    {
        lock (_gate)
        {
            Exited = true;
            ExitCode = exitCode;
            return [.. _viewers];
        }
    }

    /// <summary>Writes typed or pasted text to the process, one write at a time; awaiting it is the browser's back-pressure.</summary>
    public async Task WriteAsync(string data, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(data);
        await _input.WaitAsync(cancellationToken);
        try
        {
            lock (_gate) LastActivity = now;
            await Process.Attachment.WriteStdinAsync(bytes, cancellationToken);
        }
        finally { _input.Release(); }
    }

    /// <summary>Output until the process's stdio ends.</summary>
    public ValueTask<(LogStream Stream, ReadOnlyMemory<byte> Data)?> ReadAsync(CancellationToken cancellationToken) =>
        Process.Attachment.ReadAsync(cancellationToken);
}
