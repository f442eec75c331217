using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using WebUI.DockerApi.Tests.Distribution;
using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.Registry.Tests.Support;

/// <summary>Plain HTTP calls to a server's /v2 registry, for the tests that check the protocol byte by byte.</summary>
public sealed class RegistryHttp(WebUIServer server) : IDisposable
{
    public HttpClient Http { get; } = new()
    {
        BaseAddress = server.WebBase,
        Timeout = TimeSpan.FromSeconds(60),
        // The registry takes WebUI accounts: the bootstrap admin of RegistryServerFixture.
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Basic", RegistryLogin.Basic(RegistryServerFixture.User, RegistryServerFixture.Password)) },
    };

    /// <summary>Uploads a blob monolithically (POST ?digest=); returns the digest.</summary>
    public async Task<string> PushBlobAsync(string repo, byte[] content)
    {
        var digest = OciLayout.Sha256(content);
        using var r = await Http.PostAsync($"/v2/{repo}/blobs/uploads/?digest={digest}", Bytes(content));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return digest;
    }

    public async Task<HttpResponseMessage> PutManifestAsync(string repo, string reference, byte[] manifest, string mediaType)
    {
        var content = new ByteArrayContent(manifest);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return await Http.PutAsync($"/v2/{repo}/manifests/{reference}", content);
    }

    /// <summary>Pushes a config blob, the layers and an OCI manifest naming them, tagged <paramref name="tag"/>; returns the manifest digest.</summary>
    public async Task<string> PushImageAsync(string repo, string tag, string configText, params byte[][] layers)
    {
        var config = System.Text.Encoding.UTF8.GetBytes(configText);
        await PushBlobAsync(repo, config);
        foreach (var l in layers) await PushBlobAsync(repo, l);
        var manifest = OciLayout.Json(new Dictionary<string, object>
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["config"] = OciLayout.Descriptor("application/vnd.oci.image.config.v1+json", config),
            ["layers"] = layers.Select(l => OciLayout.Descriptor("application/vnd.oci.image.layer.v1.tar", l)).ToArray(),
        });
        using var r = await PutManifestAsync(repo, tag, manifest, "application/vnd.oci.image.manifest.v1+json");
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return OciLayout.Sha256(manifest);
    }

    /// <summary>The first error code of an OCI error body.</summary>
    public static async Task<string> ErrorCodeAsync(HttpResponseMessage r)
    {
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("errors")[0].GetProperty("code").GetString()!;
    }

    public static ByteArrayContent Bytes(byte[] content)
    {
        var c = new ByteArrayContent(content);
        c.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return c;
    }

    public void Dispose() => Http.Dispose();
}
