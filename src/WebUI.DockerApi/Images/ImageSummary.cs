namespace WebUI.DockerApi.Images;

/// <summary>One entry of GET /images/json (Docker's ImageSummary).</summary>
public sealed record ImageSummary(
    string Id,
    string ParentId,
    IReadOnlyList<string> RepoTags,
    IReadOnlyList<string> RepoDigests,
    long Created,
    long Size,
    long SharedSize,
    long VirtualSize,
    IReadOnlyDictionary<string, string> Labels,
    int Containers);
