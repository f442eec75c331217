namespace WebUI.Engine.Images;

/// <summary>One entry of a docker save archive's manifest.json.</summary>
internal sealed record DockerArchiveEntry
{
    public string Config { get; init; } = "";
    public List<string>? RepoTags { get; init; }
    public List<string> Layers { get; init; } = [];
}
