namespace WebUI.DockerApi.Containers;

/// <summary>Why a wait ended without a normal exit.</summary>
public sealed record ContainerWaitError(string Message);
