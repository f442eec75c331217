namespace WebUI.Engine.Networks;

/// <summary>A port to publish as asked: host address, a host port range (0-0: ephemeral), container port and protocol.</summary>
public sealed record PortRequest(string HostIP, int HostPortStart, int HostPortEnd, int ContainerPort, string Protocol);
