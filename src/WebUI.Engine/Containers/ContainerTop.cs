namespace WebUI.Engine.Containers;

/// <summary>docker top's answer: the ps column titles and one row per process of the container.</summary>
public sealed record ContainerTop(IReadOnlyList<string> Titles, IReadOnlyList<IReadOnlyList<string>> Processes);
