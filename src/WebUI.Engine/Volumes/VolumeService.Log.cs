using Microsoft.Extensions.Logging;

namespace WebUI.Engine.Volumes;

internal sealed partial class VolumeService
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Volume {Name} created")]
    private static partial void LogCreated(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Volume {Name} removed")]
    private static partial void LogRemoved(ILogger logger, string name);
}
