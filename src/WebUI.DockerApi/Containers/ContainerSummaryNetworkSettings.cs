namespace WebUI.DockerApi.Containers;

/// <summary>NetworkSettings of a list entry.</summary>
public sealed record ContainerSummaryNetworkSettings(IReadOnlyDictionary<string, EndpointSettings> Networks);
