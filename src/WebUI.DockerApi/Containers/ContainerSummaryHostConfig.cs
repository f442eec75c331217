namespace WebUI.DockerApi.Containers;

/// <summary>HostConfig of a list entry.</summary>
public sealed record ContainerSummaryHostConfig(string NetworkMode);
