using Microsoft.Extensions.Logging;

namespace WebUI.Engine.Containers;

internal sealed partial class ContainerService
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Container {Id} created as {Name} from {Image}")]
    private static partial void LogCreated(ILogger logger, string id, string name, string image);

    [LoggerMessage(Level = LogLevel.Information, Message = "Container {Id} started, pid {Pid}")]
    private static partial void LogStarted(ILogger logger, string id, int pid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping container {Id}: signal {Signal}, SIGKILL after {Timeout} s")]
    private static partial void LogStopping(ILogger logger, string id, int signal, int timeout);

    [LoggerMessage(Level = LogLevel.Information, Message = "Container {Id} exited with {ExitCode}")]
    private static partial void LogExited(ILogger logger, string id, int exitCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Container {Id} removed")]
    private static partial void LogRemoved(ILogger logger, string id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Container {Id} still running (pid {Pid}): adopted")]
    private static partial void LogAdopted(ILogger logger, string id, int pid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Container directory {Id} has no readable record; skipped")]
    private static partial void LogBrokenRecord(ILogger logger, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removing writable layer {Key}: no container owns it (a crash during a create or a removal)")]
    private static partial void LogOrphanSnapshot(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removing the network sandbox of {Id}: no container owns it (a crash during a create or a removal)")]
    private static partial void LogOrphanSandbox(ILogger logger, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Container {Id} has no writable layer (a crash during its create): making an empty one")]
    private static partial void LogRepairedLayer(ILogger logger, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Container {Id} has no network sandbox (a crash during its create): making it from its HostConfig")]
    private static partial void LogRepairedSandbox(ILogger logger, string id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Repairing container {Id} after a crash failed; its start will report what is missing")]
    private static partial void LogRepairFailed(ILogger logger, string id, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling the exit of container {Id} failed")]
    private static partial void LogExitHandlingFailed(ILogger logger, string id, Exception e);

    [LoggerMessage(Level = LogLevel.Error, Message = "Restarting container {Id} (restart policy) failed")]
    private static partial void LogRestartFailed(ILogger logger, string id, Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing volume {Volume} of container {Id} failed")]
    private static partial void LogVolumeReleaseFailed(ILogger logger, string id, string volume, Exception e);

    [LoggerMessage(Level = LogLevel.Information, Message = "Anonymous volume {Volume} of removed container {Id} kept: {Reason}")]
    private static partial void LogVolumeKept(ILogger logger, string id, string volume, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Container {Id} resources updated")]
    private static partial void LogUpdated(ILogger logger, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting the files of removed container {Id} failed; the next start removes them")]
    private static partial void LogRemovalCleanupFailed(ILogger logger, string id, Exception e);

    [LoggerMessage(Level = LogLevel.Error, Message = "Health monitor of container {Id} failed")]
    private static partial void LogHealthMonitorFailed(ILogger logger, string id, Exception e);
}
