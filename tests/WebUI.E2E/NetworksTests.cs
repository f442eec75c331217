using System.Text.Json;
using Microsoft.Playwright;
using WebUI.E2E.Fixtures;

namespace WebUI.E2E;

[Collection(DashboardCollection.Name)]
public sealed class NetworksTests(DashboardFixture fixture)
{
    [Fact]
    public async Task A_network_created_in_the_browser_gets_a_running_container_connected_with_its_address_then_is_removed()
    {
        // A /24 of the server's own block: no other server or test run on the host uses it.
        var subnet = fixture.Server.Subnets.NextSubnet();
        var prefix = subnet[..subnet.LastIndexOf('.')];
        var container = "e2e-netc-" + Guid.NewGuid().ToString("N")[..6];
        (await fixture.Server.Docker("run", "-d", "--name", container, "busybox:latest", "sleep", "300")).EnsureSuccess();
        var page = await fixture.OpenAsync("/networks");
        try
        {
            await page.GetByTestId("network-create").ClickAsync();
            await page.GetByTestId("network-form-name").FillAsync("e2e-net");
            await page.GetByTestId("network-form-subnet").FillAsync(prefix + ".0/24");
            await page.GetByTestId("network-form-gateway").FillAsync(prefix + ".1");
            await page.GetByTestId("network-form-labels").FillAsync("purpose=e2e");
            await DashboardFixture.ScreenshotAsync(page, "network-create");
            await page.GetByTestId("network-form-ok").ClickAsync();

            var row = page.Locator("tr", new() { Has = page.GetByTestId("network-name").Filter(new() { HasTextString = "e2e-net" }) });
            await Assertions.Expect(row.GetByTestId("network-subnet")).ToHaveTextAsync(prefix + ".0/24");
            await Assertions.Expect(row).ToContainTextAsync("purpose=e2e");

            await row.GetByTestId("network-connect").ClickAsync();
            await page.GetByTestId("network-connect-container").FillAsync(container);
            await page.GetByTestId("network-connect-aliases").FillAsync("api");
            await page.GetByTestId("network-connect-ip").FillAsync(prefix + ".9");
            await page.GetByTestId("network-connect-ok").ClickAsync();
            await Assertions.Expect(row.GetByTestId("network-members")).ToHaveTextAsync("1");

            // The engine has it: docker inspect shows the address on the new network, and the container's interface carries it.
            var inspect = await fixture.Server.Docker("inspect", container);
            inspect.EnsureSuccess();
            var networks = JsonDocument.Parse(inspect.Stdout).RootElement[0].GetProperty("NetworkSettings").GetProperty("Networks");
            Assert.Equal(prefix + ".9", networks.GetProperty("e2e-net").GetProperty("IPAddress").GetString());
            var addr = await fixture.Server.Docker("exec", container, "ip", "-4", "addr");
            Assert.Contains(prefix + ".9/24", addr.Stdout);

            await row.GetByTestId("network-inspect").ClickAsync();
            var member = page.GetByTestId("network-member").Filter(new() { HasTextString = container });
            await Assertions.Expect(member.GetByTestId("network-member-ip")).ToHaveTextAsync(prefix + ".9/24");
            await Assertions.Expect(member).ToContainTextAsync("api");
            await DashboardFixture.ScreenshotAsync(page, "network-inspect");
            await member.GetByTestId("network-disconnect").ClickAsync();
            await page.GetByTestId("confirm-ok").ClickAsync();
            await Assertions.Expect(page.GetByTestId("network-members-empty")).ToBeVisibleAsync();
            await page.Locator(".mud-dialog .mud-button-close").ClickAsync();
            await Assertions.Expect(page.GetByTestId("network-inspect-dialog")).ToHaveCountAsync(0);
            await Assertions.Expect(row.GetByTestId("network-members")).ToHaveTextAsync("0");
            addr = await fixture.Server.Docker("exec", container, "ip", "-4", "addr");
            Assert.DoesNotContain(prefix + ".9", addr.Stdout);
            await DashboardFixture.ScreenshotAsync(page, "networks");

            await row.GetByTestId("network-remove").ClickAsync();
            await page.GetByTestId("confirm-ok").ClickAsync();
            await Assertions.Expect(row).ToHaveCountAsync(0);
            var listed = await fixture.Server.Docker("network", "ls", "--format", "{{.Name}}");
            Assert.DoesNotContain("e2e-net", listed.Stdout.Split('\n'));
            await fixture.CloseAsync(page);
        }
        finally
        {
            await fixture.Server.Docker("rm", "-f", container);
            await fixture.Server.Docker("network", "rm", "e2e-net");
        }
    }
}
