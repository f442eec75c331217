using Microsoft.AspNetCore.SignalR;

namespace WebUI.Terminal;

/// <summary>Sends to the browsers through the terminal hub; awaiting the send applies SignalR's back-pressure to the output pump.</summary>
internal sealed class HubTerminalClients(IHubContext<TerminalHub> hub) : ITerminalClients
{
    public Task OutputAsync(IReadOnlyList<string> connectionIds, string sessionId, long seq, string text, CancellationToken cancellationToken) =>
        connectionIds.Count == 0 ? Task.CompletedTask : hub.Clients.Clients(connectionIds).SendAsync("output", sessionId, seq, text, cancellationToken);

    public Task ExitedAsync(IReadOnlyList<string> connectionIds, string sessionId, int exitCode, CancellationToken cancellationToken) =>
        connectionIds.Count == 0 ? Task.CompletedTask : hub.Clients.Clients(connectionIds).SendAsync("exited", sessionId, exitCode, cancellationToken);
}
