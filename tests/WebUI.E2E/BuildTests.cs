using Microsoft.Playwright;
using WebUI.E2E.Fixtures;

namespace WebUI.E2E;

[Collection(DashboardCollection.Name)]
public sealed class BuildTests(DashboardFixture fixture)
{
    [Fact]
    public async Task A_pasted_dockerfile_is_built_with_its_log_shown_and_the_image_is_in_the_engine()
    {
        var tag = "e2e-built:" + Guid.NewGuid().ToString("N")[..6];
        var page = await fixture.OpenAsync("/images/build");
        try
        {
            await page.GetByTestId("build-tags").FillAsync(tag);
            await page.GetByTestId("build-dockerfile").FillAsync("FROM busybox:latest\nRUN echo built-by-e2e > /marker && cat /marker\nCMD [\"cat\", \"/marker\"]");
            await page.GetByTestId("build-start").ClickAsync();

            var log = page.GetByTestId("build-log");
            await Assertions.Expect(log).ToContainTextAsync("Step 2/3 : RUN echo built-by-e2e", new() { Timeout = 60_000 });
            await Assertions.Expect(page.GetByTestId("build-result")).ToBeVisibleAsync(new() { Timeout = 60_000 });
            // The RUN step's own output is in the log, not only the step headers.
            await Assertions.Expect(log).ToContainTextAsync("built-by-e2e\n");
            await Assertions.Expect(log).ToContainTextAsync("Successfully tagged " + tag);
            await DashboardFixture.ScreenshotAsync(page, "image-build");

            var run = await fixture.Server.Docker("run", "--rm", "--network", "none", tag);
            run.EnsureSuccess();
            Assert.Equal("built-by-e2e", run.Stdout.Trim());
            await fixture.CloseAsync(page);
        }
        finally
        {
            await fixture.Server.Docker("rmi", "-f", tag);
        }
    }
}
