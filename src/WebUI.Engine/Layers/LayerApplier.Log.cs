using Microsoft.Extensions.Logging;

namespace WebUI.Engine.Layers;

internal sealed partial class LayerApplier
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Applied layer {DiffId}: {Entries} entries, {Size} bytes")]
    private static partial void LogApplied(ILogger logger, string diffId, int entries, long size);
}
