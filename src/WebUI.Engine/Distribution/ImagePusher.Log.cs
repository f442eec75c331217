using Microsoft.Extensions.Logging;

namespace WebUI.Engine.Distribution;

internal sealed partial class ImagePusher
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Pushed {Reference} as {Digest}")]
    private static partial void LogPushed(ILogger logger, string reference, string digest);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload of {Digest} failed (attempt {Attempt}), retrying: {Reason}")]
    private static partial void LogRetry(ILogger logger, string digest, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Image {Id} has layers made here that packed differently: pushing its config as {Config}")]
    private static partial void LogConfigRewritten(ILogger logger, string id, string config);
}
