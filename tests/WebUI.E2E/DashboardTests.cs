using Microsoft.Playwright;
using WebUI.E2E.Fixtures;

namespace WebUI.E2E;

[Collection(DashboardCollection.Name)]
public sealed class DashboardTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Dashboard_shows_counts_from_the_engine_and_recent_events()
    {
        var page = await fixture.OpenAsync("/");
        await Assertions.Expect(page.GetByTestId("image-count")).Not.ToHaveTextAsync("0");
        await Assertions.Expect(page.GetByTestId("events")).ToContainTextAsync("image");
        await DashboardFixture.ScreenshotAsync(page, "dashboard");
        await fixture.CloseAsync(page);
    }

    [Fact]
    public async Task Dark_theme_choice_survives_a_reload()
    {
        var page = await fixture.OpenAsync("/");
        await page.GetByTestId("theme-toggle").ClickAsync();
        await page.WaitForFunctionAsync("() => localStorage.getItem('webui-theme') === 'dark'");
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-background').trim().toLowerCase() !== '#ffffff' && getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-background').trim() !== ''");
        await DashboardFixture.ScreenshotAsync(page, "dashboard-dark");
        await fixture.CloseAsync(page);
    }
}
