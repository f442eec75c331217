using Microsoft.Extensions.Logging;

namespace WebUI.Engine.Distribution;

internal sealed partial class ImagePuller
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Pulled {Reference} ({Digest}) as image {Id}")]
    private static partial void LogPulled(ILogger logger, string reference, string digest, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Download of {Digest} failed (attempt {Attempt}), retrying: {Reason}")]
    private static partial void LogRetry(ILogger logger, string digest, int attempt, string reason);
}
