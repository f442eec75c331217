namespace WebUI.Engine.Networks;

/// <summary>What a driver needs to attach a container: its id, namespace, interface name, requested address and ports.</summary>
internal sealed record EndpointRequest(string ContainerId, string NetnsPath, string IfName, EndpointConfig Config, IReadOnlyList<PortMapping> Ports);
