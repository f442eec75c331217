using Microsoft.Extensions.Logging;

namespace WebUI.Registry.Storage;

internal sealed partial class RegistryStore
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected a blob for {Repository}: {Digest}: {Reason}")]
    private static partial void LogRejectedBlob(ILogger logger, string repository, string digest, string reason);
}
