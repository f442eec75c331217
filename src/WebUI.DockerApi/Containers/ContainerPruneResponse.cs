namespace WebUI.DockerApi.Containers;

/// <summary>POST /containers/prune: ContainersDeleted is null when nothing was removed, as dockerd answers.</summary>
public sealed record ContainerPruneResponse(IReadOnlyList<string>? ContainersDeleted, long SpaceReclaimed);
