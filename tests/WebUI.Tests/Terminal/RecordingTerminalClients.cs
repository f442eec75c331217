using WebUI.Terminal;

namespace WebUI.Tests.Terminal;

/// <summary>Keeps what the terminal would send to browser connections, in order.</summary>
public sealed class RecordingTerminalClients : ITerminalClients
{
    public List<(string Connection, string Session, long Seq, string Text)> Output { get; } = [];
    public List<(string Connection, string Session, int ExitCode)> Exits { get; } = [];

    public Task OutputAsync(IReadOnlyList<string> connectionIds, string sessionId, long seq, string text, CancellationToken cancellationToken)
    {
        lock (Output) foreach (var c in connectionIds) Output.Add((c, sessionId, seq, text));
        return Task.CompletedTask;
    }

    public Task ExitedAsync(IReadOnlyList<string> connectionIds, string sessionId, int exitCode, CancellationToken cancellationToken)
    {
        lock (Exits) foreach (var c in connectionIds) Exits.Add((c, sessionId, exitCode));
        return Task.CompletedTask;
    }
}
