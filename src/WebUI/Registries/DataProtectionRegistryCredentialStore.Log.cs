namespace WebUI.Registries;

internal sealed partial class DataProtectionRegistryCredentialStore
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Stored registry credentials for {Registry} (user {Username})")]
    private static partial void LogSaved(ILogger logger, string registry, string username);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed the stored registry credentials for {Registry}")]
    private static partial void LogRemoved(ILogger logger, string registry);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stored credentials for {Registry} cannot be decrypted with the current key ring; they are ignored")]
    private static partial void LogUnreadable(ILogger logger, string registry);
}
