using Microsoft.Extensions.Logging;

namespace WebUI.Engine.Build;

internal sealed partial class ImageBuilder
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Built image {ImageId} in {Milliseconds} ms")]
    private static partial void LogBuilt(ILogger logger, string imageId, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Build failed: {Message}")]
    private static partial void LogFailed(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove build directory {Path}: {Message}")]
    private static partial void LogCleanupFailed(ILogger logger, string path, string message);
}
