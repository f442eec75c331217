using Microsoft.Extensions.Logging;

namespace WebUI.Engine.Networks;

internal sealed partial class NetworkManager
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Network {Name} ({Id}) created: driver {Driver}, subnet {Subnet}")]
    private static partial void LogCreated(ILogger logger, string name, string id, string driver, string subnet);

    [LoggerMessage(Level = LogLevel.Information, Message = "Network {Name} ({Id}) removed")]
    private static partial void LogRemoved(ILogger logger, string name, string id);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Container {ContainerId} attached to {Network}: {Address} on {IfName}")]
    private static partial void LogAttached(ILogger logger, string containerId, string network, string address, string ifName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Detaching container {ContainerId} from {Network} failed; its leftovers may need cleaning")]
    private static partial void LogDetachFailed(ILogger logger, string containerId, string network, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedded DNS for container {ContainerId} could not start")]
    private static partial void LogDnsFailed(ILogger logger, string containerId, Exception exception);
}
