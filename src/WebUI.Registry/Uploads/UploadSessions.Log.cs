using Microsoft.Extensions.Logging;

namespace WebUI.Registry.Uploads;

internal sealed partial class UploadSessions
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Upload {Id} started for {Repository}")]
    private static partial void LogStarted(ILogger logger, string id, string repository);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Upload {Id} to {Repository} completed as {Digest} ({Size} bytes)")]
    private static partial void LogCompleted(ILogger logger, string id, string repository, string digest, long size);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed abandoned upload session {Id}")]
    private static partial void LogExpired(ILogger logger, string id);
}
