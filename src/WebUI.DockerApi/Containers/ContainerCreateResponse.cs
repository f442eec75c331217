namespace WebUI.DockerApi.Containers;

/// <summary>Answer of POST /containers/create.</summary>
public sealed record ContainerCreateResponse(string Id, IReadOnlyList<string> Warnings);
