namespace WebUI.DockerApi.Networks;

/// <summary>A container on a network as inspect lists it.</summary>
public sealed record NetworkContainer(string Name, string EndpointID, string MacAddress, string IPv4Address, string IPv6Address);
