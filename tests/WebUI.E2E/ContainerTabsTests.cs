using System.Formats.Tar;
using Microsoft.Playwright;
using WebUI.E2E.Fixtures;

namespace WebUI.E2E;

[Collection(DashboardCollection.Name)]
public sealed class ContainerTabsTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Stats_charts_move_processes_list_the_container_and_files_browse_view_download_and_upload()
    {
        // A container that burns CPU and keeps a file with known text.
        var run = await fixture.Server.Docker("run", "-d", "--name", "e2e-tabs", "busybox", "sh", "-c",
            "mkdir -p /data/sub && echo tabs-file-content > /data/note.txt && echo deep > /data/sub/x && while true; do :; done");
        Assert.True(run.ExitCode == 0, run.Stderr);
        try
        {
            var page = await fixture.OpenAsync("/containers/e2e-tabs");

            await page.GetByRole(AriaRole.Tab, new() { Name = "Stats" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("stats")).ToBeVisibleAsync();
            // Pushed each second: the CPU figure climbs above zero without a reload (the loop keeps a core busy).
            await page.WaitForFunctionAsync("() => parseFloat(document.querySelector('[data-testid=stats-cpu]').textContent) > 10", null, new() { Timeout = 20_000 });
            await Assertions.Expect(page.Locator("[data-testid=stats] svg").First).ToBeVisibleAsync();
            await DashboardFixture.ScreenshotAsync(page, "container-stats");

            await page.GetByRole(AriaRole.Tab, new() { Name = "Processes" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("top")).ToContainTextAsync("while true");
            await DashboardFixture.ScreenshotAsync(page, "container-processes");

            await page.GetByRole(AriaRole.Tab, new() { Name = "Files" }).ClickAsync();
            await page.Locator("[data-testid=file][data-name=data] [data-testid=file-open]").ClickAsync();
            await page.Locator("[data-testid=file][data-name='note.txt'] [data-testid=file-view]").ClickAsync();
            await Assertions.Expect(page.GetByTestId("file-text")).ToHaveTextAsync("tabs-file-content\n");

            // Folder download: a tar holding the folder's files.
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("files-download-folder").ClickAsync());
            Assert.Equal("data.tar", download.SuggestedFilename);
            var names = new List<string>();
            await using (var tar = new TarReader(File.OpenRead(await download.PathAsync())))
                while (await tar.GetNextEntryAsync() is { } entry) names.Add(entry.Name.TrimEnd('/'));
            Assert.Contains("data/note.txt", names);
            Assert.Contains("data/sub/x", names);

            // Upload into the folder shown: the container sees the file.
            await page.GetByTestId("files-upload-input").SetInputFilesAsync(new FilePayload { Name = "up.txt", MimeType = "text/plain", Buffer = "uploaded-by-e2e\n"u8.ToArray() });
            await Assertions.Expect(page.Locator("[data-testid=file][data-name='up.txt']")).ToBeVisibleAsync();
            var cat = await fixture.Server.Docker("exec", "e2e-tabs", "cat", "/data/up.txt");
            Assert.Equal("uploaded-by-e2e\n", cat.Stdout);
            await DashboardFixture.ScreenshotAsync(page, "container-files");
            await fixture.CloseAsync(page);
        }
        finally
        {
            await fixture.Server.Docker("rm", "-f", "e2e-tabs");
        }
    }
}
