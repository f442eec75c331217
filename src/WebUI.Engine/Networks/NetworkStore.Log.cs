using Microsoft.Extensions.Logging;

namespace WebUI.Engine.Networks;

internal sealed partial class NetworkStore
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipping unreadable network state {File}")]
    private static partial void LogBroken(ILogger logger, string file, Exception exception);
}
