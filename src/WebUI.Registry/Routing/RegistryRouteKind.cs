namespace WebUI.Registry.Routing;

/// <summary>Which resource of the distribution API a /v2 path names.</summary>
public enum RegistryRouteKind
{
    Base,
    Catalog,
    Tags,
    Manifest,
    Blob,
    /// <summary>/v2/&lt;name&gt;/blobs/uploads/ (no session id: start one).</summary>
    Uploads,
    /// <summary>/v2/&lt;name&gt;/blobs/uploads/&lt;id&gt;.</summary>
    Upload,
    Referrers,
}
