using Microsoft.Extensions.Logging;

namespace WebUI.Engine.Content;

internal sealed partial class LocalContentStore
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Committed blob {Digest} ({Size} bytes)")]
    private static partial void LogCommitted(ILogger logger, string digest, long size);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removing stale ingest {Path}")]
    private static partial void LogStaleIngest(ILogger logger, string path);
}
