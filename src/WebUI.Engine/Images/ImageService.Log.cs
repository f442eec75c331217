using Microsoft.Extensions.Logging;

namespace WebUI.Engine.Images;

internal sealed partial class ImageService
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Imported image {Id} as {Name}")]
    private static partial void LogImported(ILogger logger, string id, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded image {Id} ({Layers} layers)")]
    private static partial void LogLoaded(ILogger logger, string id, int layers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted image {Id}")]
    private static partial void LogDeleted(ILogger logger, string id);
}
