namespace WebUI.DockerApi.Containers;

/// <summary>GET /containers/{id}/top.</summary>
public sealed record ContainerTopResponse(IReadOnlyList<string> Titles, IReadOnlyList<IReadOnlyList<string>> Processes);
