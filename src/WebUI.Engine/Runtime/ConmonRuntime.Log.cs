using Microsoft.Extensions.Logging;

namespace WebUI.Engine.Runtime;

internal sealed partial class ConmonRuntime
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Container {Id} created by conmon, pid {Pid}")]
    private static partial void LogCreated(ILogger logger, string id, int pid);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Container {Id} started through runc's exec fifo")]
    private static partial void LogStartedThroughFifo(ILogger logger, string id);

    [LoggerMessage(Level = LogLevel.Debug, Message = "runc kill {Id} {Signal} failed: {Message}")]
    private static partial void LogKillFailed(ILogger logger, string id, int signal, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "runc delete {Id} failed: {Message}")]
    private static partial void LogDeleteFailed(ILogger logger, string id, string message);
}
