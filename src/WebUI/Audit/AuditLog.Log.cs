namespace WebUI.Audit;

internal sealed partial class AuditLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the audit entry {Action} by {User}")]
    private static partial void LogWriteFailed(ILogger logger, string action, string user, Exception exception);
}
