using Microsoft.Extensions.Logging;

namespace WebUI.Engine.Snapshots;

internal sealed partial class OverlaySnapshotter
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Committed snapshot {ChainId} ({Size} bytes)")]
    private static partial void LogCommitted(ILogger logger, string chainId, long size);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Removed snapshot {ChainId}")]
    private static partial void LogRemoved(ILogger logger, string chainId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removing snapshot directory {Path} that no snapshot owns")]
    private static partial void LogStale(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting the files of removed snapshot {Path} failed; the next start removes them")]
    private static partial void LogDeleteFailed(ILogger logger, string path, Exception e);
}
