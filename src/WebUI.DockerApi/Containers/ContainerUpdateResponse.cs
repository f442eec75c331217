namespace WebUI.DockerApi.Containers;

/// <summary>The answer of POST /containers/{id}/update.</summary>
public sealed record ContainerUpdateResponse(IReadOnlyList<string> Warnings);
