namespace WebUI.Terminal;

/// <summary>One terminal session as the page lists it.</summary>
public sealed record TerminalSessionInfo(
    string Id, string ContainerId, TerminalMode Mode, string Command, string User, DateTimeOffset Started,
    bool Exited, int? ExitCode, int Viewers);
