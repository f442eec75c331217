namespace WebUI.Engine.Images;

/// <summary>What docker image prune removed and how many bytes of layers that freed.</summary>
public sealed record ImagePruneResult(IReadOnlyList<ImageDeleteResult> Deleted, long SpaceReclaimed);
