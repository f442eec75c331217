using Microsoft.Extensions.Logging;

namespace WebUI.Engine.Networks;

internal sealed partial class DnsServer
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedded DNS of {ContainerId}: receive failed")]
    private static partial void LogLoopError(ILogger logger, string containerId, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Embedded DNS of {ContainerId}: forwarding {Name} to {Server} failed: {Reason}")]
    private static partial void LogForwardFailed(ILogger logger, string containerId, string name, string server, string reason);
}
