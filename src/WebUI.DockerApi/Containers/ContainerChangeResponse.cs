namespace WebUI.DockerApi.Containers;

/// <summary>One item of GET /containers/{id}/changes.</summary>
public sealed record ContainerChangeResponse(string Path, int Kind);
