namespace WebUI.Engine.Networks;

/// <summary>A published port: host address and port to the container's port, tcp or udp (CNI portmap's shape).</summary>
public sealed record PortMapping(string HostIP, int HostPort, int ContainerPort, string Protocol);
