using Microsoft.Playwright;
using WebUI.E2E.Fixtures;

namespace WebUI.E2E;

[Collection(DashboardCollection.Name)]
public sealed class VolumesTests(DashboardFixture fixture)
{
    [Fact]
    public async Task A_volume_created_and_removed_in_the_browser_is_created_and_removed_in_the_engine()
    {
        var page = await fixture.OpenAsync("/volumes");
        await page.GetByTestId("volume-create").ClickAsync();
        await page.GetByTestId("volume-form-name").FillAsync("e2e-vol");
        await page.GetByTestId("volume-form-labels").FillAsync("purpose=e2e");
        await DashboardFixture.ScreenshotAsync(page, "volume-create");
        await page.GetByTestId("volume-form-ok").ClickAsync();

        var row = page.Locator("tr", new() { Has = page.GetByTestId("volume-name").Filter(new() { HasTextString = "e2e-vol" }) });
        await Assertions.Expect(row).ToContainTextAsync("purpose=e2e");
        var listed = await fixture.Server.Docker("volume", "ls", "-q");
        Assert.Contains("e2e-vol", listed.Stdout.Split('\n'));
        await DashboardFixture.ScreenshotAsync(page, "volumes");

        await row.GetByTestId("volume-remove").ClickAsync();
        await page.GetByTestId("confirm-ok").ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
        listed = await fixture.Server.Docker("volume", "ls", "-q");
        Assert.DoesNotContain("e2e-vol", listed.Stdout.Split('\n'));
        await fixture.CloseAsync(page);
    }
}
