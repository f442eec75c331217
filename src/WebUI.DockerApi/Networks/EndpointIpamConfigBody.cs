namespace WebUI.DockerApi.Networks;

/// <summary>EndpointSettings.IPAMConfig: requested addresses.</summary>
public sealed record EndpointIpamConfigBody(string? IPv4Address, string? IPv6Address);
