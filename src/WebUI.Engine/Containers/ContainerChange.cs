namespace WebUI.Engine.Containers;

/// <summary>One line of docker diff: Kind 0 = changed (C), 1 = added (A), 2 = deleted (D).</summary>
public sealed record ContainerChange(string Path, int Kind);
