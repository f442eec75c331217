using Microsoft.Extensions.Logging;

namespace WebUI.Registry.Routing;

internal static partial class RegistryDispatcher
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Registry {Method} {Path}: {Code} {Message}")]
    private static partial void LogRefused(ILogger logger, string method, string path, string code, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Registry {Method} {Path} failed")]
    private static partial void LogFailed(ILogger logger, string method, string path, Exception exception);
}
