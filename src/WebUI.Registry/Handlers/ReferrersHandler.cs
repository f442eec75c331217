using Microsoft.AspNetCore.Http;
using WebUI.Engine.Distribution;
using WebUI.Registry.Access;

namespace WebUI.Registry.Handlers;

/// <summary>GET /v2/&lt;name&gt;/referrers/&lt;digest&gt;[?artifactType=]: the manifests whose subject is the digest, as an OCI index.</summary>
internal static class ReferrersHandler
{
    public static async Task ListAsync(RegistryRequest r, string name, string reference)
    {
        await r.AuthorizeAsync(name, RegistryAction.Pull);
        var subject = RegistryRequest.ParseDigest(reference);
        var filter = r.Request.Query["artifactType"].ToString();
        var descriptors = new List<Descriptor>();
        foreach (var digest in r.Store.Referrers(name, subject))
        {
            var revision = r.Store.Revision(name, digest);
            if (revision is null) continue;
            var manifest = ManifestParser.Parse(r.Store.ReadManifest(digest), revision.MediaType);
            var artifactType = manifest.EffectiveArtifactType;
            if (filter.Length > 0 && artifactType != filter) continue;
            descriptors.Add(new Descriptor
            {
                MediaType = revision.MediaType,
                Digest = digest.Value,
                Size = revision.Size,
                ArtifactType = artifactType,
                Annotations = manifest.Annotations,
            });
        }
        if (filter.Length > 0) r.Response.Headers["OCI-Filters-Applied"] = "artifactType";
        await r.WriteJsonAsync(StatusCodes.Status200OK, new ReferrersIndex(descriptors), MediaTypes.OciIndex);
    }
}
