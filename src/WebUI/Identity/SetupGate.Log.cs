namespace WebUI.Identity;

public sealed partial class SetupGate
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "No user exists yet. Open /setup in the dashboard and enter this one-time setup code to create the admin: {Code}")]
    private static partial void LogSetupCode(ILogger logger, string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the user \"admin\" (Admin) from Auth:BootstrapAdminPassword")]
    private static partial void LogBootstrapped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The setup code is void after {Count} wrong attempts; restart the server for a new one")]
    private static partial void LogCodeVoid(ILogger logger, int count);
}
