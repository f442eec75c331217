using Microsoft.Playwright;
using WebUI.E2E.Fixtures;

namespace WebUI.E2E;

[Collection(DashboardCollection.Name)]
public sealed class IdentityTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Admin_signs_in_and_sees_the_dashboard_with_admin_links()
    {
        var page = await fixture.OpenAsync("/");
        await Assertions.Expect(page.GetByTestId("image-count")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("user-name")).ToHaveTextAsync("admin");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToBeVisibleAsync();
        await DashboardFixture.ScreenshotAsync(page, "signed-in-admin");
        await fixture.CloseAsync(page);
    }

    [Fact]
    public async Task Each_role_sees_only_what_it_may_use()
    {
        var admin = await fixture.OpenAsync("/");
        foreach (var link in new[] { "Users", "Teams", "Security settings", "Audit log" })
            await Assertions.Expect(admin.GetByRole(AriaRole.Link, new() { Name = link })).ToBeVisibleAsync();
        var op = "operator-" + Guid.NewGuid().ToString("N")[..6];
        await admin.GotoAsync(new Uri(fixture.Server.WebBase, "/admin/users").ToString());
        await admin.Locator("#new-name").FillAsync(op);
        await admin.Locator("#new-password").FillAsync("operator-password-1234");
        await admin.Locator("#new-role").SelectOptionAsync("Operator");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("users-message")).ToContainTextAsync($"Created {op}");
        await admin.GotoAsync(new Uri(fixture.Server.WebBase, "/admin/security").ToString());
        await Assertions.Expect(admin.GetByText("Allow host bind mounts")).ToBeVisibleAsync();
        await DashboardFixture.ScreenshotAsync(admin, "admin-security-settings");
        await fixture.CloseAsync(admin);

        // An Operator: the dashboard and the run form, no Admin links, Admin pages refused; makes an API token, shown once.
        var page = await fixture.OpenAsync("/", op, "operator-password-1234");
        await Assertions.Expect(page.GetByTestId("user-name")).ToHaveTextAsync(op);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Teams" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Security settings" })).ToHaveCountAsync(0);
        foreach (var path in new[] { "/admin/teams", "/admin/security" })
        {
            await page.GotoAsync(new Uri(fixture.Server.WebBase, path).ToString());
            await page.WaitForURLAsync("**/account/denied**");
        }
        await page.GotoAsync(new Uri(fixture.Server.WebBase, "/account/tokens").ToString());
        await page.Locator("#token-name").FillAsync("laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("new-token")).ToContainTextAsync("webui_");
        await DashboardFixture.ScreenshotAsync(page, "operator-token-created");
        await page.GotoAsync(new Uri(fixture.Server.WebBase, "/account/tokens").ToString());
        await Assertions.Expect(page.GetByTestId("new-token")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("token-row")).ToContainTextAsync("laptop");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Wrong_password_shows_an_error_and_no_dashboard()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Server.WebBase, "/").ToString());
        await page.WaitForURLAsync("**/account/login?ReturnUrl=%2F");
        await page.Locator("#username").FillAsync("admin");
        await page.Locator("#password").FillAsync("not-the-admin-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("login-error")).ToHaveTextAsync("Wrong user name or password.");
        await Assertions.Expect(page.GetByTestId("image-count")).ToHaveCountAsync(0);
        await DashboardFixture.ScreenshotAsync(page, "login-wrong-password");
        await fixture.CloseAsync(page);
    }

    [Fact]
    public async Task Viewer_sees_no_admin_links_and_is_refused_the_users_page()
    {
        var name = "viewer-" + Guid.NewGuid().ToString("N")[..6];
        var admin = await fixture.OpenAsync("/");
        // The Admin pages are static server-rendered forms: a full page load, no circuit.
        await admin.GotoAsync(new Uri(fixture.Server.WebBase, "/admin/users").ToString());
        await admin.Locator("#new-name").FillAsync(name);
        await admin.Locator("#new-password").FillAsync("viewer-password-1234");
        await admin.Locator("#new-role").SelectOptionAsync("Viewer");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("users-message")).ToContainTextAsync($"Created {name}");
        await fixture.CloseAsync(admin);

        var page = await fixture.OpenAsync("/", name, "viewer-password-1234");
        await Assertions.Expect(page.GetByTestId("user-name")).ToHaveTextAsync(name);
        await Assertions.Expect(page.GetByTestId("image-count")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Audit log" })).ToHaveCountAsync(0);
        await page.GotoAsync(new Uri(fixture.Server.WebBase, "/admin/users").ToString());
        await page.WaitForURLAsync("**/account/denied**");
        await Assertions.Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await DashboardFixture.ScreenshotAsync(page, "viewer-denied");
        await page.Context.CloseAsync();
    }
}
