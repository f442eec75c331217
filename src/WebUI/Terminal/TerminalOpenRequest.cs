namespace WebUI.Terminal;

/// <summary>What the browser asks for when it opens a terminal.</summary>
/// <param name="Command">Exec only: the command line (split like a shell would); empty means sh.</param>
/// <param name="User">Exec only: "user", "uid" or "user:group"; empty means the container's user.</param>
public sealed record TerminalOpenRequest(string ContainerId, TerminalMode Mode, string? Command, string? User, int Rows, int Cols);
