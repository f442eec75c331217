namespace WebUI.Audit;

internal sealed partial class AuditLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the audit entry {Action} by {User}")]
    private static partial void LogWriteFailed(ILogger logger, string action, string user, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not commit {Count} audit entries in one transaction; writing them one by one")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);
}
