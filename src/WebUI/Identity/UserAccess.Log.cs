namespace WebUI.Identity;

internal sealed partial class UserAccess
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {User}: the action needs policy {Policy}")]
    private static partial void LogDenied(ILogger logger, string user, string policy);
}
