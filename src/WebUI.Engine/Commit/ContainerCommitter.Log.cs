using Microsoft.Extensions.Logging;

namespace WebUI.Engine.Commit;

internal sealed partial class ContainerCommitter
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Committed container {ContainerId} as image {ImageId} ({Size} bytes of changes)")]
    private static partial void LogCommitted(ILogger logger, string containerId, string imageId, long size);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not resume container {ContainerId} after commit: {Message}")]
    private static partial void LogResumeFailed(ILogger logger, string containerId, string message);
}
