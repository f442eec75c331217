namespace WebUI.Engine.Images;

/// <summary>What the image store persists per image in images/imagedb/&lt;hex&gt;.json (the config itself is a content blob).</summary>
internal sealed record StoredImage
{
    public required string Id { get; init; }
    public IReadOnlyList<string> ChainIds { get; init; } = [];
    public long Size { get; init; }
    public DateTimeOffset Stored { get; init; }
    public DateTimeOffset? LastTagTime { get; init; }
    /// <summary>Digest of the image's OCI manifest in the content store (it names the layer blobs docker save and push send), or null for images stored before manifests were kept.</summary>
    public string? Manifest { get; init; }
    /// <summary>The image a build step or commit made this one from (Docker's Parent), or null.</summary>
    public string? Parent { get; init; }
}
