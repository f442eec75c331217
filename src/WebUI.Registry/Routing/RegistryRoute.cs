namespace WebUI.Registry.Routing;

/// <summary>
/// A parsed /v2 path. Repository names contain slashes (and may even contain a component called "blobs"), so the
/// resource is recognised from the end of the path: the last one or two segments decide, the rest is the name.
/// </summary>
public sealed record RegistryRoute(RegistryRouteKind Kind, string Name = "", string Reference = "")
{
    /// <summary>Parses the part after "/v2/"; null when it names no registry resource.</summary>
    public static RegistryRoute? Parse(string path)
    {
        if (path.Length == 0) return new(RegistryRouteKind.Base);
        if (path == "_catalog") return new(RegistryRouteKind.Catalog);

        var s = path.Split('/');
        var n = s.Length;
        if (n >= 3 && s[n - 2] == "tags" && s[n - 1] == "list") return Named(RegistryRouteKind.Tags, s, 2, "");
        if (n >= 4 && s[n - 3] == "blobs" && s[n - 2] == "uploads")
            return Named(s[n - 1].Length == 0 ? RegistryRouteKind.Uploads : RegistryRouteKind.Upload, s, 3, s[n - 1]);
        if (n >= 3 && s[n - 2] == "blobs" && s[n - 1] == "uploads") return Named(RegistryRouteKind.Uploads, s, 2, "");
        if (n >= 3 && s[n - 2] == "manifests") return Named(RegistryRouteKind.Manifest, s, 2, s[n - 1]);
        if (n >= 3 && s[n - 2] == "blobs") return Named(RegistryRouteKind.Blob, s, 2, s[n - 1]);
        if (n >= 3 && s[n - 2] == "referrers") return Named(RegistryRouteKind.Referrers, s, 2, s[n - 1]);
        return null;
    }

    private static RegistryRoute Named(RegistryRouteKind kind, string[] segments, int suffix, string reference) =>
        new(kind, string.Join('/', segments, 0, segments.Length - suffix), reference);
}
