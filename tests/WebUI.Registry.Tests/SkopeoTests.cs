using System.Text.Json;
using WebUI.DockerApi.Tests.Fixtures;
using WebUI.Registry.Tests.Support;
using WebUI.DockerApi.Tests.Distribution;

namespace WebUI.Registry.Tests;

/// <summary>The real skopeo (containers/image) pushes to and pulls from the built-in registry.</summary>
public sealed class SkopeoTests(RegistryServerFixture fixture) : IClassFixture<RegistryServerFixture>
{
    private WebUIServer Server => fixture.Server;

    [Fact]
    public async Task Skopeo_copies_busybox_into_the_registry_and_back_out_with_the_same_digests()
    {
        var src = Path.Combine(Server.Root, "oci-src");
        var image = await OciLayout.WriteBusyboxAsync(src, "1");
        var remote = $"docker://127.0.0.1:{Server.Port}/team/bb:1";

        (await Skopeo("copy", "--dest-tls-verify=false", $"oci:{src}:1", remote)).EnsureSuccess();

        var inspect = (await Skopeo("inspect", "--tls-verify=false", remote)).EnsureSuccess();
        using (var doc = JsonDocument.Parse(inspect.Stdout))
        {
            Assert.Equal(image.ManifestDigest, doc.RootElement.GetProperty("Digest").GetString());
            Assert.Equal(image.LayerDigest, doc.RootElement.GetProperty("Layers")[0].GetString());
            Assert.Equal("amd64", doc.RootElement.GetProperty("Architecture").GetString());
        }
        var raw = (await Skopeo("inspect", "--raw", "--tls-verify=false", remote)).EnsureSuccess();
        Assert.Equal(System.Text.Encoding.UTF8.GetString(image.Manifest), raw.Stdout.TrimEnd('\n'));

        var dst = Path.Combine(Server.Root, "oci-dst");
        (await Skopeo("copy", "--src-tls-verify=false", remote, $"oci:{dst}:copy")).EnsureSuccess();
        using var index = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dst, "index.json")));
        Assert.Equal(image.ManifestDigest, index.RootElement.GetProperty("manifests")[0].GetProperty("digest").GetString());
        Assert.Equal(
            await File.ReadAllBytesAsync(Path.Combine(src, "blobs", "sha256", image.LayerDigest[7..])),
            await File.ReadAllBytesAsync(Path.Combine(dst, "blobs", "sha256", image.LayerDigest[7..])));
    }

    [Fact]
    public async Task Skopeo_copies_between_two_repositories_of_the_registry_and_lists_the_tags()
    {
        var src = Path.Combine(Server.Root, "oci-src2");
        var image = await OciLayout.WriteBusyboxAsync(src, "x");
        (await Skopeo("copy", "--dest-tls-verify=false", $"oci:{src}:x", $"docker://127.0.0.1:{Server.Port}/a/b/c:v1")).EnsureSuccess();
        // Registry to registry: skopeo mounts the blobs from a/b/c instead of uploading them again.
        (await Skopeo("copy", "--src-tls-verify=false", "--dest-tls-verify=false",
            $"docker://127.0.0.1:{Server.Port}/a/b/c:v1", $"docker://127.0.0.1:{Server.Port}/other/copy:v2")).EnsureSuccess();

        var tags = (await Skopeo("list-tags", "--tls-verify=false", $"docker://127.0.0.1:{Server.Port}/other/copy")).EnsureSuccess();
        using var doc = JsonDocument.Parse(tags.Stdout);
        Assert.Equal(["v2"], doc.RootElement.GetProperty("Tags").EnumerateArray().Select(t => t.GetString()));
        var inspect = (await Skopeo("inspect", "--tls-verify=false", $"docker://127.0.0.1:{Server.Port}/other/copy:v2")).EnsureSuccess();
        using var i = JsonDocument.Parse(inspect.Stdout);
        Assert.Equal(image.ManifestDigest, i.RootElement.GetProperty("Digest").GetString());
    }

    private Task<CommandResult> Skopeo(params string[] args) =>
        ProcessRunner.RunAsync("skopeo", ["--insecure-policy", .. args],
            new Dictionary<string, string> { ["REGISTRY_AUTH_FILE"] = Path.Combine(Server.Root, "auth.json") },
            timeout: TimeSpan.FromSeconds(120));
}
