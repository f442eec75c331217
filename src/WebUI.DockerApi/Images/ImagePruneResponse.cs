namespace WebUI.DockerApi.Images;

/// <summary>POST /images/prune's answer.</summary>
public sealed record ImagePruneResponse(IReadOnlyList<ImageDeleteResponseItem>? ImagesDeleted, long SpaceReclaimed);
