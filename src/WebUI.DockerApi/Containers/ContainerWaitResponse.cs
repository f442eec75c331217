namespace WebUI.DockerApi.Containers;

/// <summary>Answer of POST /containers/{id}/wait: Error is null or {"Message": ...}.</summary>
public sealed record ContainerWaitResponse(int StatusCode, ContainerWaitError? Error);
