namespace WebUI.Terminal;

public sealed partial class TerminalSessions
{
    [LoggerMessage(Level = LogLevel.Information, Message = "terminal {SessionId} opened by {Owner} on container {ContainerId} ({Mode}: {Command})")]
    private static partial void LogOpened(ILogger logger, string owner, string sessionId, string containerId, TerminalMode mode, string command);

    [LoggerMessage(Level = LogLevel.Information, Message = "terminal {SessionId} ended with exit code {ExitCode}")]
    private static partial void LogExited(ILogger logger, string sessionId, int exitCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "terminal {SessionId} idle: hanging up")]
    private static partial void LogIdle(ILogger logger, string sessionId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "terminal: could not reach a browser: {Reason}")]
    private static partial void LogSendFailed(ILogger logger, string reason);
}
