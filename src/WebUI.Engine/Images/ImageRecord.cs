namespace WebUI.Engine.Images;

/// <summary>A stored image: its configuration (whose digest is the image id), names and layer chain.</summary>
public sealed record ImageRecord
{
    /// <summary>"sha256:&lt;hex&gt;" of the configuration blob.</summary>
    public required string Id { get; init; }
    public required ImageSpec Spec { get; init; }
    /// <summary>Normalized "repo:tag" names, e.g. "docker.io/library/busybox:latest".</summary>
    public IReadOnlyList<string> RepoTags { get; init; } = [];
    /// <summary>"repo@sha256:..." names of the manifests this image came from or was pushed as.</summary>
    public IReadOnlyList<string> RepoDigests { get; init; } = [];
    /// <summary>Chain ids of the layers, bottom first (OCI: chainid(n) = sha256(chainid(n-1) + " " + diffid(n))).</summary>
    public IReadOnlyList<string> ChainIds { get; init; } = [];
    /// <summary>Sum of the unpacked layer sizes in bytes.</summary>
    public long Size { get; init; }
    /// <summary>When the image was stored here (Docker's Metadata.LastTagTime is close to this).</summary>
    public DateTimeOffset Stored { get; init; }

    /// <summary>When a name was last given to the image (Docker's Metadata.LastTagTime), or null if never.</summary>
    public DateTimeOffset? LastTagTime { get; init; }

    /// <summary>The image a build step or commit made this one from (Docker's Parent), or null.</summary>
    public string? Parent { get; init; }

    /// <summary>The chain id of the top layer, or null for an image with no layers.</summary>
    public string? TopChainId => ChainIds.Count == 0 ? null : ChainIds[^1];
}
