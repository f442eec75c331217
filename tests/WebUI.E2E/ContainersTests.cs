using Microsoft.Playwright;
using WebUI.E2E.Fixtures;

namespace WebUI.E2E;

[Collection(DashboardCollection.Name)]
public sealed class ContainersTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Run_from_the_form_see_it_running_read_logs_live_then_stop_and_remove()
    {
        var page = await fixture.OpenAsync("/containers/new?image=busybox:latest");
        await page.GetByTestId("run-name").FillAsync("e2e-web");
        await page.GetByTestId("run-command").FillAsync("sh -c 'echo hello-from-ui; while true; do echo tick; sleep 1; done'");
        await DashboardFixture.ScreenshotAsync(page, "container-run");
        await page.GetByTestId("run-submit").ClickAsync();

        await page.WaitForURLAsync("**/containers/*");
        await Assertions.Expect(page.GetByTestId("container-state")).ToHaveTextAsync("running");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Logs" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("logs")).ToContainTextAsync("hello-from-ui");
        // Live: a line written after the page opened arrives without a reload.
        var ticks = await page.GetByTestId("logs").Locator(".webui-log-line", new() { HasTextString = "tick" }).CountAsync();
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('[data-testid=logs] .webui-log-line').length > {ticks + 1}");
        await DashboardFixture.ScreenshotAsync(page, "container-logs");

        await page.GoToContainersAsync();
        await Assertions.Expect(page.GetByTestId("container-link").Filter(new() { HasTextString = "e2e-web" })).ToBeVisibleAsync();
        await DashboardFixture.ScreenshotAsync(page, "containers");

        var row = page.Locator("tr", new() { Has = page.GetByTestId("container-link").Filter(new() { HasTextString = "e2e-web" }) });
        await row.Locator("input[type=checkbox]").CheckAsync();
        await page.GetByTestId("bulk-stop").ClickAsync();
        await page.GetByTestId("confirm-ok").ClickAsync();
        await Assertions.Expect(row.GetByTestId("container-state")).ToHaveTextAsync("exited", new() { Timeout = 30_000 });

        await page.GetByTestId("bulk-remove").ClickAsync();
        await page.GetByTestId("confirm-ok").ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
        var ps = await fixture.Server.Docker("ps", "-a", "--format", "{{.Names}}");
        Assert.DoesNotContain("e2e-web", ps.Stdout.Split('\n'));
        await fixture.CloseAsync(page);
    }

    [Fact]
    public async Task The_table_is_in_the_prerendered_html_and_sorts_through_its_header_buttons_once_interactive()
    {
        string[] names = ["e2e-sort-b", "e2e-sort-a", "e2e-sort-c"];
        foreach (var name in names) await fixture.Server.Docker("create", "--network", "none", "--name", name, "busybox:latest", "true");
        try
        {
            var page = await fixture.OpenAsync("/containers");
            // The server's HTML itself (no script run): the rows and the state handed to the circuit.
            var html = await (await page.Context.APIRequest.GetAsync(new Uri(fixture.Server.WebBase, "/containers").ToString())).TextAsync();
            foreach (var name in names) Assert.Contains($">{name}</a>", html);
            Assert.Contains("Blazor-Server-Component-State", html);

            await page.GetByTestId("sort-name").ClickAsync();
            await Assertions.Expect(page.Locator("th", new() { Has = page.GetByTestId("sort-name") })).ToHaveAttributeAsync("aria-sort", "ascending");
            var shown = (await page.GetByTestId("container-link").AllTextContentsAsync()).Where(n => n.StartsWith("e2e-sort-", StringComparison.Ordinal)).ToList();
            Assert.Equal(["e2e-sort-a", "e2e-sort-b", "e2e-sort-c"], shown);
            await fixture.CloseAsync(page);
        }
        finally
        {
            await fixture.Server.Docker(["rm", "-f", .. names]);
        }
    }
}
