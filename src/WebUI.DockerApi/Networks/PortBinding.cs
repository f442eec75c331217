namespace WebUI.DockerApi.Networks;

/// <summary>One published port in NetworkSettings.Ports.</summary>
public sealed record PortBinding(string HostIp, string HostPort);
