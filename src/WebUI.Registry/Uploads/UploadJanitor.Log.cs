using Microsoft.Extensions.Logging;

namespace WebUI.Registry.Uploads;

internal sealed partial class UploadJanitor
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping abandoned upload sessions failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
