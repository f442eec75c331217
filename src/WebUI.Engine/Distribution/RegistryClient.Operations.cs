using System.Net;
using System.Net.Http.Headers;
using WebUI.Engine.Content;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Distribution;

internal sealed partial class RegistryClient
{
    /// <summary>GET /v2/&lt;name&gt;/manifests/&lt;reference&gt; accepting every manifest type; the body is capped at the manifest size limit.</summary>
    public async Task<FetchedManifest> GetManifestAsync(string reference, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(u =>
        {
            var r = new HttpRequestMessage(HttpMethod.Get, u);
            foreach (var t in MediaTypes.Manifests) r.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(t));
            return r;
        }, Url($"manifests/{reference}"), cancellationToken);
        if (!response.IsSuccessStatusCode) throw await ErrorAsync(response, $"manifest for {Repository}:{reference}", cancellationToken);
        if (response.Content.Headers.ContentLength > ManifestParser.MaxManifestBytes)
            throw EngineException.Invalid($"manifest for {Repository}:{reference} is larger than {ManifestParser.MaxManifestBytes} bytes");
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var ms = new MemoryStream();
        var buffer = new byte[16384];
        int n;
        while ((n = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            ms.Write(buffer, 0, n);
            if (ms.Length > ManifestParser.MaxManifestBytes)
                throw EngineException.Invalid($"manifest for {Repository}:{reference} is larger than {ManifestParser.MaxManifestBytes} bytes");
        }
        var bytes = ms.ToArray();
        return new FetchedManifest(bytes, response.Content.Headers.ContentType?.ToString(), Digest.Of(bytes));
    }

    /// <summary>GET a blob; the caller reads (and verifies) the stream and disposes the response.</summary>
    public async Task<HttpResponseMessage> GetBlobAsync(Digest digest, CancellationToken cancellationToken)
    {
        var response = await SendAsync(u => new HttpRequestMessage(HttpMethod.Get, u), Url($"blobs/{digest}"), cancellationToken);
        if (response.IsSuccessStatusCode) return response;
        using (response) throw await ErrorAsync(response, $"blob {digest}", cancellationToken);
    }

    /// <summary>HEAD a blob: whether the repository has it.</summary>
    public async Task<bool> BlobExistsAsync(Digest digest, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(u => new HttpRequestMessage(HttpMethod.Head, u), Url($"blobs/{digest}"), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        if (response.IsSuccessStatusCode) return true;
        throw await ErrorAsync(response, $"checking blob {digest}", cancellationToken);
    }

    /// <summary>Tries a cross-repository mount from <paramref name="from"/>; returns true when mounted, else the upload URL it started.</summary>
    public async Task<(bool Mounted, Uri? UploadUrl)> StartUploadAsync(Digest digest, string? from, CancellationToken cancellationToken)
    {
        var query = from is null ? "" : $"?mount={digest}&from={Uri.EscapeDataString(from)}";
        using var response = await SendAsync(u => new HttpRequestMessage(HttpMethod.Post, u), Url($"blobs/uploads/{query}"), cancellationToken);
        if (response.StatusCode == HttpStatusCode.Created) return (true, null);
        if (response.StatusCode != HttpStatusCode.Accepted || response.Headers.Location is not { } location)
            throw await ErrorAsync(response, $"starting the upload of {digest}", cancellationToken);
        return (false, location.IsAbsoluteUri ? location : new Uri(BaseUri, location));
    }

    /// <summary>Sends the whole blob in one PUT to the upload URL with ?digest= (the registry verifies it).</summary>
    public async Task PutBlobAsync(Uri uploadUrl, Digest digest, Func<Stream> open, long size, CancellationToken cancellationToken)
    {
        var builder = new UriBuilder(uploadUrl);
        var q = builder.Query.TrimStart('?');
        builder.Query = (q.Length > 0 ? q + "&" : "") + "digest=" + Uri.EscapeDataString(digest.Value);
        using var response = await SendAsync(u =>
        {
            var content = new StreamContent(open());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Headers.ContentLength = size;
            return new HttpRequestMessage(HttpMethod.Put, u) { Content = content };
        }, builder.Uri, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created && response.StatusCode != HttpStatusCode.NoContent)
            throw await ErrorAsync(response, $"uploading blob {digest}", cancellationToken);
    }

    /// <summary>PUT a manifest under a tag (or digest); returns the digest the registry reports.</summary>
    public async Task<string> PutManifestAsync(string reference, byte[] manifest, string mediaType, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(u =>
        {
            var content = new ByteArrayContent(manifest);
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            return new HttpRequestMessage(HttpMethod.Put, u) { Content = content };
        }, Url($"manifests/{reference}"), cancellationToken);
        if (!response.IsSuccessStatusCode) throw await ErrorAsync(response, $"pushing manifest {Repository}:{reference}", cancellationToken);
        return response.Headers.TryGetValues("Docker-Content-Digest", out var d) ? d.First() : Digest.Of(manifest).Value;
    }

    /// <summary>GET /v2/ with authentication: succeeds only when the credentials are accepted.</summary>
    public async Task CheckLoginAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(u => new HttpRequestMessage(HttpMethod.Get, u), new Uri(BaseUri, "v2/"), cancellationToken);
        if (response.IsSuccessStatusCode) return;
        throw new EngineException(ErrorKind.Forbidden,
            $"login attempt to {new Uri(BaseUri, "v2/")} failed with status: {(int)response.StatusCode} {response.ReasonPhrase}");
    }
}
