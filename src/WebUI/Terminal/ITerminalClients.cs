namespace WebUI.Terminal;

/// <summary>Delivers a session's output and end to the browser connections watching it (SignalR in the app).</summary>
public interface ITerminalClients
{
    /// <summary>One chunk of output, numbered so a re-attaching browser can drop what its snapshot already had.</summary>
    Task OutputAsync(IReadOnlyList<string> connectionIds, string sessionId, long seq, string text, CancellationToken cancellationToken);

    /// <summary>The process ended with <paramref name="exitCode"/>.</summary>
    Task ExitedAsync(IReadOnlyList<string> connectionIds, string sessionId, int exitCode, CancellationToken cancellationToken);
}
