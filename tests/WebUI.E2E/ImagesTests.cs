using Microsoft.Playwright;
using WebUI.E2E.Fixtures;

namespace WebUI.E2E;

[Collection(DashboardCollection.Name)]
public sealed class ImagesTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Images_page_lists_the_imported_busybox_image()
    {
        var page = await fixture.OpenAsync("/images");
        await Assertions.Expect(page.GetByTestId("image-tag").Filter(new() { HasText = "busybox:latest" })).ToBeVisibleAsync();
        await DashboardFixture.ScreenshotAsync(page, "images");

        await page.GetByLabel("History").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("layers-table")).ToContainTextAsync("sha256:");
        await DashboardFixture.ScreenshotAsync(page, "image-history");
        await fixture.CloseAsync(page);
    }

    [Fact]
    public async Task Tagging_through_the_dialog_adds_the_name()
    {
        var page = await fixture.OpenAsync("/images");
        var row = page.Locator("tr", new() { Has = page.GetByTestId("image-tag").Filter(new() { HasText = "busybox:latest" }) });
        await row.GetByLabel("Tag").ClickAsync();
        await page.GetByTestId("tag-target").FillAsync("e2e/tagged:v1");
        await page.GetByTestId("tag-ok").ClickAsync();
        await Assertions.Expect(page.GetByTestId("image-tag").Filter(new() { HasText = "e2e/tagged:v1" })).ToBeVisibleAsync();
        var images = await fixture.Server.Docker("images", "--format", "{{.Repository}}:{{.Tag}}");
        Assert.Contains("e2e/tagged:v1", images.Stdout);
        await fixture.CloseAsync(page);
    }

    [Fact]
    public async Task A_tarball_uploaded_in_the_browser_is_loaded_with_progress_and_listed()
    {
        var tar = Path.Combine(fixture.Server.Root, "loadme.tar");
        (await fixture.Server.Docker("tag", "busybox:latest", "e2e/loadme:1")).EnsureSuccess();
        (await fixture.Server.Docker("save", "-o", tar, "e2e/loadme:1")).EnsureSuccess();
        (await fixture.Server.Docker("rmi", "e2e/loadme:1")).EnsureSuccess();

        var page = await fixture.OpenAsync("/images");
        await page.Locator("#image-load-input").SetInputFilesAsync(tar);

        await Assertions.Expect(page.GetByText("Loaded image: e2e/loadme:1")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("image-tag").Filter(new() { HasText = "e2e/loadme:1" })).ToBeVisibleAsync();
        await DashboardFixture.ScreenshotAsync(page, "image-loaded");
        var images = await fixture.Server.Docker("images", "--format", "{{.Repository}}:{{.Tag}}");
        Assert.Contains("e2e/loadme:1", images.Stdout);
        await fixture.CloseAsync(page);
    }

    [Fact]
    public async Task Pull_from_a_local_registry_shows_each_layer_and_the_outcome()
    {
        // The server's built-in registry (/v2 on its web port) is the local registry; busybox's layer stays local.
        var reference = $"127.0.0.1:{fixture.Server.Port}/e2e/pullme:1";
        (await fixture.Server.Docker("tag", "busybox:latest", reference)).EnsureSuccess();
        (await fixture.Server.DockerAsync(["push", reference], timeout: TimeSpan.FromMinutes(2))).EnsureSuccess();
        (await fixture.Server.Docker("rmi", reference)).EnsureSuccess();

        var page = await PullInBrowserAsync(reference);

        await Assertions.Expect(page.GetByTestId("transfer-layer").First).ToContainTextAsync("Already exists");
        await Assertions.Expect(page.GetByTestId("transfer-message").Last).ToContainTextAsync("Downloaded newer image for " + reference);
        await DashboardFixture.ScreenshotAsync(page, "image-pull");
        await page.GetByTestId("transfer-close").ClickAsync();
        await Assertions.Expect(page.GetByTestId("image-tag").Filter(new() { HasText = "e2e/pullme:1" })).ToBeVisibleAsync();
        await fixture.CloseAsync(page);
    }

    [Fact]
    public async Task Pull_of_a_layer_not_held_locally_shows_download_progress()
    {
        // An image whose only layer nothing else here has (1 MB of random bytes), pushed and removed locally.
        var reference = $"127.0.0.1:{fixture.Server.Port}/e2e/random:1";
        var tar = Path.Combine(fixture.Server.Root, "random-rootfs.tar");
        await using (var file = File.Create(tar))
        await using (var writer = new System.Formats.Tar.TarWriter(file))
        {
            var entry = new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, "random.bin")
            {
                DataStream = new MemoryStream(System.Security.Cryptography.RandomNumberGenerator.GetBytes(1_000_000)),
            };
            await writer.WriteEntryAsync(entry);
        }
        (await fixture.Server.Docker("import", tar, reference)).EnsureSuccess();
        (await fixture.Server.DockerAsync(["push", reference], timeout: TimeSpan.FromMinutes(2))).EnsureSuccess();
        (await fixture.Server.Docker("rmi", reference)).EnsureSuccess();

        var page = await PullInBrowserAsync(reference);

        await Assertions.Expect(page.GetByTestId("transfer-layer").First).ToContainTextAsync("Pull complete");
        await DashboardFixture.ScreenshotAsync(page, "image-pull-download");
        await fixture.CloseAsync(page);
    }

    [Fact]
    public async Task Pull_from_docker_registry_on_loopback_shows_per_layer_download_progress()
    {
        // Debian's docker-registry (the distribution registry) on a loopback port, holding an image with a layer
        // (2 MB of random bytes) nothing here has: the browser sees the layer downloading, then complete.
        await using var registry = await WebUI.DockerApi.Tests.Distribution.DistributionRegistry.StartAsync();
        var reference = $"{registry.Host}/e2e/remote:1";
        var tar = Path.Combine(fixture.Server.Root, "remote-rootfs.tar");
        await using (var file = File.Create(tar))
        await using (var writer = new System.Formats.Tar.TarWriter(file))
        {
            await writer.WriteEntryAsync(new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, "random.bin")
            {
                DataStream = new MemoryStream(System.Security.Cryptography.RandomNumberGenerator.GetBytes(2_000_000)),
            });
        }
        (await fixture.Server.Docker("import", tar, reference)).EnsureSuccess();
        (await fixture.Server.DockerAsync(["push", reference], timeout: TimeSpan.FromMinutes(2))).EnsureSuccess();
        (await fixture.Server.Docker("rmi", reference)).EnsureSuccess();

        var page = await PullInBrowserAsync(reference);

        var layer = page.GetByTestId("transfer-layer").First;
        await Assertions.Expect(layer).ToContainTextAsync("Pull complete", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("transfer-message").Last).ToContainTextAsync("Downloaded newer image for " + reference);
        await DashboardFixture.ScreenshotAsync(page, "image-pull-docker-registry");
        var images = await fixture.Server.Docker("images", "--format", "{{.Repository}}:{{.Tag}}");
        Assert.Contains($"{registry.Host}/e2e/remote:1", images.Stdout);
        await fixture.CloseAsync(page);
        (await fixture.Server.Docker("rmi", reference)).EnsureSuccess();
    }

    private async Task<IPage> PullInBrowserAsync(string reference)
    {
        var page = await fixture.OpenAsync("/images");
        await page.GetByTestId("pull-button").ClickAsync();
        await page.GetByTestId("transfer-reference").FillAsync(reference);
        await page.GetByTestId("transfer-start").ClickAsync();
        await Assertions.Expect(page.GetByTestId("transfer-close").Or(page.GetByTestId("error"))).ToBeVisibleAsync(new() { Timeout = 60_000 });
        return page;
    }
}
