namespace WebUI.DockerApi.Volumes;

/// <summary>POST /volumes/prune.</summary>
public sealed record VolumePruneResponse(IReadOnlyList<string> VolumesDeleted, long SpaceReclaimed);
