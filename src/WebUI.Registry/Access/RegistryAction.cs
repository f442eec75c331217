namespace WebUI.Registry.Access;

/// <summary>What a registry request wants to do with a repository.</summary>
public enum RegistryAction
{
    /// <summary>Read manifests, blobs, tags and referrers (and see the repository in the catalog).</summary>
    Pull,
    /// <summary>Upload blobs, put manifests and tags.</summary>
    Push,
    /// <summary>Delete manifests, tags and blob links.</summary>
    Delete,
}
