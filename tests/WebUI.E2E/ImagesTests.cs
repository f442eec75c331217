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
}
