using System.Net;
using System.Text;
using System.Text.Json;
using WebUI.DockerApi.Tests.Fixtures;
using WebUI.Registry.Tests.Support;
using WebUI.DockerApi.Tests.Distribution;

namespace WebUI.Registry.Tests;

/// <summary>Manifests: by tag and digest, checked before they are stored, deleted, and found as referrers.</summary>
public sealed class ManifestTests(RegistryServerFixture fixture) : IClassFixture<RegistryServerFixture>, IDisposable
{
    private const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    private const string OciIndex = "application/vnd.oci.image.index.v1+json";
    private readonly RegistryHttp _registry = new(fixture.Server);
    private HttpClient Http => _registry.Http;

    [Fact]
    public async Task A_manifest_is_served_by_tag_and_by_digest_with_its_media_type_and_digest()
    {
        var digest = await _registry.PushImageAsync("m/get", "v1", "{\"architecture\":\"amd64\",\"os\":\"linux\"}", [1, 2, 3]);
        foreach (var reference in new[] { "v1", digest })
        {
            using var r = await Http.GetAsync($"/v2/m/get/manifests/{reference}");
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal(OciManifest, r.Content.Headers.ContentType!.MediaType);
            Assert.Equal(digest, r.Headers.GetValues("Docker-Content-Digest").Single());
            Assert.Equal(digest, OciLayout.Sha256(await r.Content.ReadAsByteArrayAsync()));

            using var head = await Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/v2/m/get/manifests/{reference}"));
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(digest, head.Headers.GetValues("Docker-Content-Digest").Single());
        }
    }

    [Fact]
    public async Task A_manifest_with_both_manifests_and_layers_is_rejected()
    {
        var config = await _registry.PushBlobAsync("m/ambiguous", Encoding.ASCII.GetBytes("{}"));
        var ambiguous = OciLayout.Json(new Dictionary<string, object>
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciManifest,
            ["config"] = new Dictionary<string, object> { ["mediaType"] = "application/vnd.oci.image.config.v1+json", ["digest"] = config, ["size"] = 2 },
            ["layers"] = Array.Empty<object>(),
            ["manifests"] = Array.Empty<object>(),
        });
        using var r = await _registry.PutManifestAsync("m/ambiguous", "bad", ambiguous, OciManifest);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("MANIFEST_INVALID", await RegistryHttp.ErrorCodeAsync(r));
        using var get = await Http.GetAsync("/v2/m/ambiguous/manifests/bad");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("MANIFEST_UNKNOWN", await RegistryHttp.ErrorCodeAsync(get));
    }

    [Fact]
    public async Task A_manifest_whose_media_type_disagrees_with_the_content_type_is_rejected()
    {
        var config = Encoding.ASCII.GetBytes("{}");
        await _registry.PushBlobAsync("m/mismatch", config);
        var manifest = OciLayout.Json(new Dictionary<string, object>
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciManifest,
            ["config"] = OciLayout.Descriptor("application/vnd.oci.image.config.v1+json", config),
            ["layers"] = Array.Empty<object>(),
        });
        using var r = await _registry.PutManifestAsync("m/mismatch", "t", manifest, OciIndex);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("MANIFEST_INVALID", await RegistryHttp.ErrorCodeAsync(r));
    }

    [Fact]
    public async Task A_manifest_naming_a_blob_the_repository_lacks_is_rejected()
    {
        var config = Encoding.ASCII.GetBytes("{\"missing\":true}");
        var manifest = OciLayout.Json(new Dictionary<string, object>
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciManifest,
            ["config"] = OciLayout.Descriptor("application/vnd.oci.image.config.v1+json", config),
            ["layers"] = Array.Empty<object>(),
        });
        using var r = await _registry.PutManifestAsync("m/missing", "t", manifest, OciManifest);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("MANIFEST_BLOB_UNKNOWN", await RegistryHttp.ErrorCodeAsync(r));
    }

    [Fact]
    public async Task A_manifest_put_by_digest_must_hash_to_that_digest()
    {
        var config = Encoding.ASCII.GetBytes("{}");
        await _registry.PushBlobAsync("m/bydigest", config);
        var manifest = OciLayout.Json(new Dictionary<string, object>
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciManifest,
            ["config"] = OciLayout.Descriptor("application/vnd.oci.image.config.v1+json", config),
            ["layers"] = Array.Empty<object>(),
        });
        var wrong = OciLayout.Sha256(Encoding.ASCII.GetBytes("other"));
        using var bad = await _registry.PutManifestAsync("m/bydigest", wrong, manifest, OciManifest);
        Assert.Equal("DIGEST_INVALID", await RegistryHttp.ErrorCodeAsync(bad));
        using var good = await _registry.PutManifestAsync("m/bydigest", OciLayout.Sha256(manifest), manifest, OciManifest);
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
    }

    [Fact]
    public async Task Deleting_a_manifest_removes_it_and_its_tags()
    {
        var digest = await _registry.PushImageAsync("m/delete", "keep", "{\"a\":1}");
        using (var tag2 = await _registry.PutManifestAsync("m/delete", "also", await Http.GetByteArrayAsync($"/v2/m/delete/manifests/{digest}"), OciManifest))
            Assert.Equal(HttpStatusCode.Created, tag2.StatusCode);

        using var delete = await Http.DeleteAsync($"/v2/m/delete/manifests/{digest}");
        Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        foreach (var reference in new[] { digest, "keep", "also" })
        {
            using var get = await Http.GetAsync($"/v2/m/delete/manifests/{reference}");
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        }
        using var tags = JsonDocument.Parse(await Http.GetStringAsync("/v2/m/delete/tags/list"));
        Assert.Empty(tags.RootElement.GetProperty("tags").EnumerateArray());

        using var again = await Http.DeleteAsync($"/v2/m/delete/manifests/{digest}");
        Assert.Equal("MANIFEST_UNKNOWN", await RegistryHttp.ErrorCodeAsync(again));
    }

    [Fact]
    public async Task Deleting_a_tag_keeps_the_manifest()
    {
        var digest = await _registry.PushImageAsync("m/untag", "gone", "{\"b\":1}");
        using var delete = await Http.DeleteAsync("/v2/m/untag/manifests/gone");
        Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        using var byTag = await Http.GetAsync("/v2/m/untag/manifests/gone");
        Assert.Equal(HttpStatusCode.NotFound, byTag.StatusCode);
        using var byDigest = await Http.GetAsync($"/v2/m/untag/manifests/{digest}");
        Assert.Equal(HttpStatusCode.OK, byDigest.StatusCode);
    }

    [Fact]
    public async Task An_index_must_name_manifests_the_repository_has()
    {
        var child = await _registry.PushImageAsync("m/index", "amd64", "{\"architecture\":\"amd64\",\"os\":\"linux\"}");
        var childSize = (await Http.GetByteArrayAsync($"/v2/m/index/manifests/{child}")).Length;
        var index = OciLayout.Json(new Dictionary<string, object>
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciIndex,
            ["manifests"] = new[]
            {
                new Dictionary<string, object> { ["mediaType"] = OciManifest, ["digest"] = child, ["size"] = childSize, ["platform"] = new { architecture = "amd64", os = "linux" } },
            },
        });
        using var ok = await _registry.PutManifestAsync("m/index", "multi", index, OciIndex);
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        using var get = await Http.GetAsync("/v2/m/index/manifests/multi");
        Assert.Equal(OciIndex, get.Content.Headers.ContentType!.MediaType);

        using var elsewhere = await _registry.PutManifestAsync("m/other-index", "multi", index, OciIndex);
        Assert.Equal("MANIFEST_BLOB_UNKNOWN", await RegistryHttp.ErrorCodeAsync(elsewhere));
    }

    [Fact]
    public async Task Referrers_list_the_manifests_whose_subject_is_the_digest_filtered_by_artifact_type()
    {
        var subject = await _registry.PushImageAsync("m/refs", "app", "{\"c\":1}");
        var subjectSize = (await Http.GetByteArrayAsync($"/v2/m/refs/manifests/{subject}")).Length;
        var empty = Encoding.ASCII.GetBytes("{}");
        await _registry.PushBlobAsync("m/refs", empty);

        async Task<string> PushArtifact(string artifactType, string note)
        {
            var manifest = OciLayout.Json(new Dictionary<string, object>
            {
                ["schemaVersion"] = 2,
                ["mediaType"] = OciManifest,
                ["artifactType"] = artifactType,
                ["config"] = OciLayout.Descriptor("application/vnd.oci.empty.v1+json", empty),
                ["layers"] = new[] { OciLayout.Descriptor("application/vnd.oci.empty.v1+json", empty) },
                ["subject"] = new Dictionary<string, object> { ["mediaType"] = OciManifest, ["digest"] = subject, ["size"] = subjectSize },
                ["annotations"] = new Dictionary<string, string> { ["note"] = note },
            });
            var digest = OciLayout.Sha256(manifest);
            using var r = await _registry.PutManifestAsync("m/refs", digest, manifest, OciManifest);
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            Assert.Equal(subject, r.Headers.GetValues("OCI-Subject").Single());
            return digest;
        }
        var sbom = await PushArtifact("application/vnd.example.sbom", "sbom");
        var sig = await PushArtifact("application/vnd.example.signature", "sig");

        using var all = await Http.GetAsync($"/v2/m/refs/referrers/{subject}");
        Assert.Equal(OciIndex, all.Content.Headers.ContentType!.MediaType);
        using (var doc = JsonDocument.Parse(await all.Content.ReadAsStringAsync()))
        {
            var found = doc.RootElement.GetProperty("manifests").EnumerateArray().Select(m => m.GetProperty("digest").GetString()!).Order().ToList();
            Assert.Equal(new[] { sbom, sig }.Order().ToList(), found);
        }

        using var filtered = await Http.GetAsync($"/v2/m/refs/referrers/{subject}?artifactType=application/vnd.example.sbom");
        Assert.Equal("artifactType", filtered.Headers.GetValues("OCI-Filters-Applied").Single());
        using (var doc = JsonDocument.Parse(await filtered.Content.ReadAsStringAsync()))
        {
            var m = Assert.Single(doc.RootElement.GetProperty("manifests").EnumerateArray());
            Assert.Equal(sbom, m.GetProperty("digest").GetString());
            Assert.Equal("application/vnd.example.sbom", m.GetProperty("artifactType").GetString());
            Assert.Equal("sbom", m.GetProperty("annotations").GetProperty("note").GetString());
        }

        // Deleting a referrer removes it from the list; an unknown subject has an empty list.
        (await Http.DeleteAsync($"/v2/m/refs/manifests/{sig}")).Dispose();
        using (var doc = JsonDocument.Parse(await Http.GetStringAsync($"/v2/m/refs/referrers/{subject}")))
            Assert.Single(doc.RootElement.GetProperty("manifests").EnumerateArray());
        using (var doc = JsonDocument.Parse(await Http.GetStringAsync($"/v2/m/refs/referrers/{OciLayout.Sha256([42])}")))
            Assert.Empty(doc.RootElement.GetProperty("manifests").EnumerateArray());
    }

    public void Dispose() => _registry.Dispose();
}
