namespace WebUI.Engine.Containers;

/// <summary>A created container and the warnings Docker would print.</summary>
public sealed record ContainerCreateResult(string Id, IReadOnlyList<string> Warnings);
