using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Distribution;

/// <summary>Engine:RegistryMirrors: Docker Hub names ("busybox") are normalized and pulled from the configured mirror.</summary>
public sealed class MirrorTests
{
    [Fact]
    public async Task A_docker_hub_name_is_pulled_from_the_configured_mirror()
    {
        await using var mirror = await DistributionRegistry.StartAsync();
        var layout = Path.Combine(mirror.Root, "layout");
        var image = await OciLayout.WriteBusyboxAsync(layout, "1");
        await mirror.SkopeoCopyInAsync($"oci:{layout}:1", "library/busybox:latest");

        await using var server = await WebUIServer.StartAsync(s => s.Settings["Engine__RegistryMirrors__0"] = $"http://{mirror.Host}");
        var pull = (await server.DockerAsync(["pull", "busybox"], timeout: TimeSpan.FromSeconds(120))).EnsureSuccess();
        Assert.True(pull.Stdout.Contains($"Digest: {image.ManifestDigest}", StringComparison.Ordinal), pull.ToString());
        Assert.Contains("Status: Downloaded newer image for busybox:latest", pull.Stdout);
        var tags = (await server.DockerAsync(["image", "inspect", "--format", "{{join .RepoTags \",\"}} {{join .RepoDigests \",\"}}", "busybox"])).EnsureSuccess();
        Assert.Equal($"busybox:latest busybox@{image.ManifestDigest}", tags.Stdout.Trim());
    }
}
