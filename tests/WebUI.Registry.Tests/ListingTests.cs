using System.Net;
using System.Text.Json;
using WebUI.DockerApi.Tests.Fixtures;
using WebUI.Registry.Tests.Support;

namespace WebUI.Registry.Tests;

/// <summary>Tags list and catalog, with n/last paging and the Link header (own server: the catalog must hold only these repositories).</summary>
public sealed class ListingTests(RegistryServerFixture fixture) : IClassFixture<RegistryServerFixture>, IDisposable
{
    private readonly RegistryHttp _registry = new(fixture.Server);
    private HttpClient Http => _registry.Http;

    [Fact]
    public async Task Tags_and_catalog_page_with_n_and_last_and_link_to_the_next_page()
    {
        var tags = new[] { "1.0", "1.1", "2.0", "latest", "z" };
        foreach (var tag in tags) await _registry.PushImageAsync("paging/app", tag, $"{{\"tag\":\"{tag}\"}}");
        await _registry.PushImageAsync("paging/other", "x", "{\"o\":1}");
        await _registry.PushImageAsync("single", "x", "{\"s\":1}");
        await _registry.PushBlobAsync("blobs-only", [5]); // no manifest: not in the catalog

        var seen = new List<string>();
        string? next = "/v2/paging/app/tags/list?n=2";
        var pages = 0;
        while (next is not null)
        {
            using var r = await Http.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
            Assert.Equal("paging/app", doc.RootElement.GetProperty("name").GetString());
            var page = doc.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToList();
            Assert.True(page.Count <= 2);
            seen.AddRange(page);
            pages++;
            next = r.Headers.TryGetValues("Link", out var link) ? link.Single().Split('>')[0].TrimStart('<') : null;
        }
        Assert.Equal(tags, seen);
        Assert.Equal(3, pages);

        using (var after = JsonDocument.Parse(await Http.GetStringAsync("/v2/paging/app/tags/list?last=2.0")))
            Assert.Equal(["latest", "z"], after.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

        using var catalog = await Http.GetAsync("/v2/_catalog?n=2");
        Assert.Equal("</v2/_catalog?last=paging%2Fother&n=2>; rel=\"next\"", catalog.Headers.GetValues("Link").Single());
        using (var doc = JsonDocument.Parse(await catalog.Content.ReadAsStringAsync()))
            Assert.Equal(["paging/app", "paging/other"], doc.RootElement.GetProperty("repositories").EnumerateArray().Select(t => t.GetString()));
        using (var rest = JsonDocument.Parse(await Http.GetStringAsync("/v2/_catalog?n=2&last=paging/other")))
            Assert.Equal(["single"], rest.RootElement.GetProperty("repositories").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Tags_of_an_unknown_repository_are_name_unknown()
    {
        using var r = await Http.GetAsync("/v2/never/pushed/tags/list");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Equal("NAME_UNKNOWN", await RegistryHttp.ErrorCodeAsync(r));
    }

    public void Dispose() => _registry.Dispose();
}
