using System.Net;
using System.Net.Http.Headers;
using System.Text;
using WebUI.DockerApi.Tests.Fixtures;
using WebUI.Registry.Tests.Support;
using WebUI.DockerApi.Tests.Distribution;

namespace WebUI.Registry.Tests;

/// <summary>Blob uploads of the OCI distribution spec: monolithic, chunked, mounted, verified, cancelled.</summary>
public sealed class BlobUploadTests(RegistryServerFixture fixture) : IClassFixture<RegistryServerFixture>, IDisposable
{
    private readonly RegistryHttp _registry = new(fixture.Server);
    private HttpClient Http => _registry.Http;

    [Fact]
    public async Task The_base_endpoint_answers_with_the_distribution_api_version()
    {
        using var r = await Http.GetAsync("/v2/");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("registry/2.0", r.Headers.GetValues("Docker-Distribution-API-Version").Single());
    }

    [Fact]
    public async Task A_chunked_upload_with_content_ranges_becomes_the_blob_after_put_with_its_digest()
    {
        var data = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("0123456789", 10_000)));
        var digest = OciLayout.Sha256(data);

        using var start = await Http.PostAsync("/v2/chunked/repo/blobs/uploads/", null);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var location = start.Headers.Location!.ToString();
        Assert.StartsWith("/v2/chunked/repo/blobs/uploads/", location);

        var offset = 0;
        foreach (var size in new[] { 40_000, 40_000, 20_000 })
        {
            var chunk = RegistryHttp.Bytes(data[offset..(offset + size)]);
            chunk.Headers.TryAddWithoutValidation("Content-Range", $"{offset}-{offset + size - 1}");
            using var patch = await Http.PatchAsync(location, chunk);
            Assert.Equal(HttpStatusCode.Accepted, patch.StatusCode);
            Assert.Equal($"0-{offset + size - 1}", patch.Headers.GetValues("Range").Single());
            location = patch.Headers.Location!.ToString();
            offset += size;
        }

        using var status = await Http.GetAsync(location);
        Assert.Equal(HttpStatusCode.NoContent, status.StatusCode);
        Assert.Equal($"0-{data.Length - 1}", status.Headers.GetValues("Range").Single());

        // Not visible before the PUT.
        using (var before = await Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/v2/chunked/repo/blobs/{digest}")))
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);

        using var put = await Http.PutAsync($"{location}?digest={digest}", null);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal(digest, put.Headers.GetValues("Docker-Content-Digest").Single());
        Assert.Equal($"/v2/chunked/repo/blobs/{digest}", put.Headers.Location!.ToString());

        using var head = await Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/v2/chunked/repo/blobs/{digest}"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(data.Length, head.Content.Headers.ContentLength);
        Assert.Equal(digest, head.Headers.GetValues("Docker-Content-Digest").Single());
        Assert.Equal(data, await Http.GetByteArrayAsync($"/v2/chunked/repo/blobs/{digest}"));

        // The upload session is gone once completed.
        using var gone = await Http.GetAsync(location);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("BLOB_UPLOAD_UNKNOWN", await RegistryHttp.ErrorCodeAsync(gone));
    }

    [Fact]
    public async Task A_chunk_that_does_not_continue_the_upload_is_refused_with_416_and_changes_nothing()
    {
        using var start = await Http.PostAsync("/v2/gaps/repo/blobs/uploads/", null);
        var location = start.Headers.Location!.ToString();
        var first = RegistryHttp.Bytes([1, 2, 3]);
        first.Headers.TryAddWithoutValidation("Content-Range", "0-2");
        (await Http.PatchAsync(location, first)).Dispose();

        var gap = RegistryHttp.Bytes([9, 9]);
        gap.Headers.TryAddWithoutValidation("Content-Range", "5-6");
        using var refused = await Http.PatchAsync(location, gap);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, refused.StatusCode);

        using var status = await Http.GetAsync(location);
        Assert.Equal("0-2", status.Headers.GetValues("Range").Single());
    }

    [Fact]
    public async Task A_streamed_patch_without_content_range_and_a_final_chunk_in_the_put_make_one_blob()
    {
        var data = new byte[300_000];
        new Random(7).NextBytes(data);
        var digest = OciLayout.Sha256(data);
        using var start = await Http.PostAsync("/v2/streamed/blobs/uploads/", null);
        using var patch = await Http.PatchAsync(start.Headers.Location!, new StreamContent(new MemoryStream(data[..200_000])));
        Assert.Equal(HttpStatusCode.Accepted, patch.StatusCode);
        using var put = await Http.PutAsync($"{patch.Headers.Location}?digest={digest}", RegistryHttp.Bytes(data[200_000..]));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal(data, await Http.GetByteArrayAsync($"/v2/streamed/blobs/{digest}"));
    }

    [Fact]
    public async Task A_blob_with_the_wrong_digest_is_rejected_and_never_visible()
    {
        var claimed = OciLayout.Sha256(Encoding.ASCII.GetBytes("what the client says"));
        using var mono = await Http.PostAsync($"/v2/wrong/digest/blobs/uploads/?digest={claimed}", RegistryHttp.Bytes(Encoding.ASCII.GetBytes("something else")));
        Assert.Equal(HttpStatusCode.BadRequest, mono.StatusCode);
        Assert.Equal("DIGEST_INVALID", await RegistryHttp.ErrorCodeAsync(mono));

        using var start = await Http.PostAsync("/v2/wrong/digest/blobs/uploads/", null);
        using var patch = await Http.PatchAsync(start.Headers.Location!, RegistryHttp.Bytes(Encoding.ASCII.GetBytes("chunked but wrong")));
        using var put = await Http.PutAsync($"{patch.Headers.Location}?digest={claimed}", null);
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal("DIGEST_INVALID", await RegistryHttp.ErrorCodeAsync(put));

        using var head = await Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/v2/wrong/digest/blobs/{claimed}"));
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        using var get = await Http.GetAsync($"/v2/wrong/digest/blobs/{claimed}");
        Assert.Equal("BLOB_UNKNOWN", await RegistryHttp.ErrorCodeAsync(get));
        Assert.False(File.Exists(Path.Combine(fixture.Server.DataRoot, "content", "blobs", "sha256", claimed[7..])));
    }

    [Fact]
    public async Task Knowing_a_digest_is_not_enough_to_get_another_repositorys_blob()
    {
        var secret = Encoding.ASCII.GetBytes("secret layer of another team");
        var digest = await _registry.PushBlobAsync("team-a/private", secret);

        // The content store has the digest; an upload claiming it with other bytes must still fail.
        using var post = await Http.PostAsync($"/v2/team-b/thief/blobs/uploads/?digest={digest}", RegistryHttp.Bytes([0]));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        using var get = await Http.GetAsync($"/v2/team-b/thief/blobs/{digest}");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task A_cross_repository_mount_links_the_blob_without_uploading_it()
    {
        var data = Encoding.ASCII.GetBytes("mount me");
        var digest = await _registry.PushBlobAsync("mount/source", data);

        using var mount = await Http.PostAsync($"/v2/mount/target/blobs/uploads/?mount={digest}&from=mount/source", null);
        Assert.Equal(HttpStatusCode.Created, mount.StatusCode);
        Assert.Equal($"/v2/mount/target/blobs/{digest}", mount.Headers.Location!.ToString());
        Assert.Equal(data, await Http.GetByteArrayAsync($"/v2/mount/target/blobs/{digest}"));

        // A mount from a repository that lacks the blob falls back to an ordinary upload session.
        using var fallback = await Http.PostAsync($"/v2/mount/other/blobs/uploads/?mount={digest}&from=mount/nothing-here", null);
        Assert.Equal(HttpStatusCode.Accepted, fallback.StatusCode);
        Assert.Contains("/blobs/uploads/", fallback.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_cancelled_upload_is_gone()
    {
        using var start = await Http.PostAsync("/v2/cancel/me/blobs/uploads/", null);
        using var delete = await Http.DeleteAsync(start.Headers.Location!);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using var status = await Http.GetAsync(start.Headers.Location!);
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        Assert.Equal("BLOB_UPLOAD_UNKNOWN", await RegistryHttp.ErrorCodeAsync(status));
    }

    [Fact]
    public async Task An_upload_session_belongs_to_its_repository()
    {
        using var start = await Http.PostAsync("/v2/owner/repo/blobs/uploads/", null);
        var id = start.Headers.GetValues("Docker-Upload-UUID").Single();
        using var other = await Http.GetAsync($"/v2/intruder/repo/blobs/uploads/{id}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Blob_ranges_and_deletes()
    {
        var data = Encoding.ASCII.GetBytes("abcdefghijklmnopqrstuvwxyz");
        var digest = await _registry.PushBlobAsync("ranges/repo", data);

        var request = new HttpRequestMessage(HttpMethod.Get, $"/v2/ranges/repo/blobs/{digest}");
        request.Headers.Range = new RangeHeaderValue(3, 6);
        using var partial = await Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("defg", await partial.Content.ReadAsStringAsync());
        Assert.Equal("bytes 3-6/26", partial.Content.Headers.ContentRange!.ToString());

        using var delete = await Http.DeleteAsync($"/v2/ranges/repo/blobs/{digest}");
        Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        using var get = await Http.GetAsync($"/v2/ranges/repo/blobs/{digest}");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("BLOB_UNKNOWN", await RegistryHttp.ErrorCodeAsync(get));
    }

    [Fact]
    public async Task Invalid_names_and_digests_get_the_spec_error_codes()
    {
        using var name = await Http.GetAsync("/v2/Upper/Case/tags/list");
        Assert.Equal(HttpStatusCode.BadRequest, name.StatusCode);
        Assert.Equal("NAME_INVALID", await RegistryHttp.ErrorCodeAsync(name));

        using var digest = await Http.GetAsync("/v2/fine/name/blobs/sha256:nothex");
        Assert.Equal(HttpStatusCode.BadRequest, digest.StatusCode);
        Assert.Equal("DIGEST_INVALID", await RegistryHttp.ErrorCodeAsync(digest));
    }

    [Fact]
    public async Task The_registry_is_not_served_on_the_docker_api_socket()
    {
        using var docker = fixture.Server.CreateHttpClient();
        using var r = await docker.GetAsync("/v2/");
        Assert.False(r.Headers.Contains("Docker-Distribution-API-Version"));
    }

    public void Dispose() => _registry.Dispose();
}
