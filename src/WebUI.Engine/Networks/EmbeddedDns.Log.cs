using Microsoft.Extensions.Logging;

namespace WebUI.Engine.Networks;

internal sealed partial class EmbeddedDns
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Embedded DNS for {ContainerId} listening on 127.0.0.11:53 in {Netns}")]
    private static partial void LogStarted(ILogger logger, string containerId, string netns);
}
