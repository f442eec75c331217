namespace WebUI.Identity;

internal sealed partial class IdentityDatabaseInitializer
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} migration(s) to webui.db")]
    private static partial void LogMigrated(ILogger logger, int count);
}
