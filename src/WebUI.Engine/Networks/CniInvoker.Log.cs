using Microsoft.Extensions.Logging;

namespace WebUI.Engine.Networks;

internal sealed partial class CniInvoker
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "CNI {Plugin} {Command} for {ContainerId}: exit {ExitCode} in {Milliseconds:F1} ms")]
    private static partial void LogPlugin(ILogger logger, string plugin, string command, string containerId, int exitCode, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CNI DEL for {ContainerId}: {Message}")]
    private static partial void LogDelFailed(ILogger logger, string containerId, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cleaning up a failed CNI ADD of {ContainerId} on {Network} failed")]
    private static partial void LogCleanupFailed(ILogger logger, string containerId, string network, Exception exception);
}
