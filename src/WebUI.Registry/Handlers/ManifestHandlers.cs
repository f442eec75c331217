using Microsoft.AspNetCore.Http;
using WebUI.Engine.Content;
using WebUI.Engine.Distribution;
using WebUI.Engine.Errors;
using WebUI.Registry.Access;
using WebUI.Registry.Errors;
using WebUI.Registry.Storage;

namespace WebUI.Registry.Handlers;

/// <summary>HEAD/GET/PUT/DELETE /v2/&lt;name&gt;/manifests/&lt;tag or digest&gt;.</summary>
internal static class ManifestHandlers
{
    private static readonly RegistryErrorCode TagInvalid = new("TAG_INVALID", StatusCodes.Status400BadRequest);

    public static async Task GetAsync(RegistryRequest r, string name, string reference)
    {
        await r.AuthorizeAsync(name, RegistryAction.Pull);
        var digest = Resolve(r, name, reference);
        var revision = r.Store.Revision(name, digest) ?? throw Unknown(name, reference);
        r.Response.StatusCode = StatusCodes.Status200OK;
        r.Response.ContentType = revision.MediaType;
        r.Response.ContentLength = revision.Size;
        r.Response.Headers["Docker-Content-Digest"] = digest.Value;
        r.Response.Headers.ETag = $"\"{digest.Value}\"";
        if (r.IsHead) return;
        await r.Response.Body.WriteAsync(r.Store.ReadManifest(digest), r.Aborted);
    }

    public static async Task PutAsync(RegistryRequest r, string name, string reference)
    {
        await r.AuthorizeAsync(name, RegistryAction.Push);
        Digest? byDigest = reference.StartsWith(Digest.Sha256Prefix, StringComparison.Ordinal) || reference.Contains(':')
            ? RegistryRequest.ParseDigest(reference) : null;
        if (byDigest is null && !RepositoryName.IsValidTag(reference))
            throw new RegistryException(TagInvalid, "manifest tag did not match URI", new { tag = reference });

        var bytes = await ReadBodyAsync(r);
        ManifestDocument manifest;
        try
        {
            manifest = ManifestParser.Parse(bytes, r.Request.ContentType);
        }
        catch (EngineException e) when (e.Kind == ErrorKind.InvalidArgument)
        {
            throw new RegistryException(RegistryErrorCode.ManifestInvalid, e.Message);
        }
        var digest = Digest.Of(bytes);
        if (byDigest is { } want && want != digest)
            throw new RegistryException(RegistryErrorCode.DigestInvalid, $"manifest digest {digest} does not match the reference {want}", new { digest = want.Value });

        CheckReferences(r, name, manifest);
        await r.Store.PutManifestAsync(name, bytes, manifest, byDigest is null ? reference : null, r.Aborted);

        r.Response.Headers.Location = $"/v2/{name}/manifests/{digest.Value}";
        r.Response.Headers["Docker-Content-Digest"] = digest.Value;
        if (manifest.Subject is { } subject) r.Response.Headers["OCI-Subject"] = subject.Digest;
        r.Empty(StatusCodes.Status201Created);
    }

    public static async Task DeleteAsync(RegistryRequest r, string name, string reference)
    {
        await r.AuthorizeAsync(name, RegistryAction.Delete);
        if (Digest.TryParse(reference, out var digest))
        {
            if (!r.Store.DeleteManifest(name, digest)) throw Unknown(name, reference);
        }
        else
        {
            if (!RepositoryName.IsValidTag(reference) || !r.Store.DeleteTag(name, reference)) throw Unknown(name, reference);
        }
        r.Empty(StatusCodes.Status202Accepted);
    }

    private static Digest Resolve(RegistryRequest r, string name, string reference)
    {
        if (reference.Contains(':')) return RegistryRequest.ParseDigest(reference);
        if (!RepositoryName.IsValidTag(reference)) throw Unknown(name, reference);
        return r.Store.ResolveTag(name, reference) ?? throw Unknown(name, reference);
    }

    /// <summary>An image manifest's config and layers, and an index's manifests, must be in this repository already.</summary>
    private static void CheckReferences(RegistryRequest r, string name, ManifestDocument manifest)
    {
        if (manifest.IsIndex)
        {
            foreach (var m in manifest.Manifests!)
                if (r.Store.Revision(name, Digest.Parse(m.Digest)) is null) throw BlobUnknown(m);
            return;
        }
        CheckBlob(r, name, manifest.Config!);
        foreach (var layer in manifest.Layers ?? [])
        {
            // Foreign layers are fetched from their URLs, never from this registry.
            if (MediaTypes.IsNonDistributable(layer.MediaType) && layer.Urls is { Count: > 0 }) continue;
            CheckBlob(r, name, layer);
        }
    }

    private static void CheckBlob(RegistryRequest r, string name, Descriptor d)
    {
        var digest = Digest.Parse(d.Digest);
        if (!r.Store.HasBlob(name, digest)) throw BlobUnknown(d);
        var size = r.Store.Content.Info(digest).Size;
        if (size != d.Size)
            throw new RegistryException(RegistryErrorCode.ManifestInvalid, $"descriptor size {d.Size} of {d.Digest} does not match the blob's {size} bytes", new { digest = d.Digest });
    }

    private static async Task<byte[]> ReadBodyAsync(RegistryRequest r)
    {
        if (r.Request.ContentLength > ManifestParser.MaxManifestBytes)
            throw new RegistryException(RegistryErrorCode.SizeInvalid, $"manifest larger than {ManifestParser.MaxManifestBytes} bytes");
        using var ms = new MemoryStream();
        var buffer = new byte[16384];
        int n;
        while ((n = await r.Request.Body.ReadAsync(buffer, r.Aborted)) > 0)
        {
            ms.Write(buffer, 0, n);
            if (ms.Length > ManifestParser.MaxManifestBytes)
                throw new RegistryException(RegistryErrorCode.SizeInvalid, $"manifest larger than {ManifestParser.MaxManifestBytes} bytes");
        }
        return ms.ToArray();
    }

    private static RegistryException Unknown(string name, string reference) =>
        new(RegistryErrorCode.ManifestUnknown, "manifest unknown", new { name, reference });

    private static RegistryException BlobUnknown(Descriptor d) =>
        new(RegistryErrorCode.ManifestBlobUnknown, $"blob unknown to registry: {d.Digest}", new { digest = d.Digest });
}
