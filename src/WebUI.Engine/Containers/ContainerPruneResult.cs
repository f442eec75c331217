namespace WebUI.Engine.Containers;

/// <summary>What a container prune removed and the bytes of writable layers it freed.</summary>
public sealed record ContainerPruneResult(IReadOnlyList<string> Deleted, long SpaceReclaimed);
