using System.Net;

namespace WebUI.DockerApi.Tests.Identity;

public sealed class LoginTests(IdentityServerFixture fixture) : IClassFixture<IdentityServerFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/containers")]
    [InlineData("/admin/users")]
    [InlineData("/account/password")]
    public async Task Anonymous_page_request_redirects_to_login(string path)
    {
        using var anonymous = new WebSession(fixture.Server);
        var r = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal($"/account/login?ReturnUrl={Uri.EscapeDataString(path)}", r.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Admin_signs_in_and_gets_the_dashboard_with_a_hardened_cookie()
    {
        using var session = new WebSession(fixture.Server);
        var login = await session.LoginAsync("admin", WebSession.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location!.IsAbsoluteUri ? login.Headers.Location.AbsolutePath : login.Headers.Location.OriginalString);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("webui.session=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=strict", cookie);

        var home = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var html = await home.Content.ReadAsStringAsync();
        Assert.Contains("Dashboard", html);
        Assert.Contains("data-testid=\"admin-nav\"", html);
    }

    [Fact]
    public async Task Login_form_without_its_antiforgery_token_is_refused()
    {
        using var session = new WebSession(fixture.Server);
        var r = await session.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["Input.UserName"] = "admin", ["Input.Password"] = WebSession.AdminPassword,
            }),
        });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Wrong_password_shows_an_error_and_five_in_a_row_lock_the_account()
    {
        var (name, first) = await fixture.UserAsync("lock", "Viewer");
        first.Dispose();
        using var session = new WebSession(fixture.Server);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await session.LoginAsync(name, "not-the-password");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains(i < 4 ? "Wrong user name or password." : "locked", await wrong.Content.ReadAsStringAsync());
        }
        var right = await session.LoginAsync(name, "user-password-1234");
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("This account is locked", await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Unknown_user_gets_the_same_error_as_a_wrong_password()
    {
        using var session = new WebSession(fixture.Server);
        var r = await session.LoginAsync("nobody-" + Guid.NewGuid().ToString("N")[..6], "whatever-password");
        Assert.Contains("Wrong user name or password.", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Setup_is_closed_when_the_admin_came_from_the_bootstrap_password()
    {
        using var anonymous = new WebSession(fixture.Server);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/setup")).StatusCode);
        Assert.DoesNotContain("setup code", fixture.Server.Log);
    }

    [Fact]
    public async Task Password_change_signs_out_the_other_sessions_and_keeps_this_one()
    {
        var (name, here) = await fixture.UserAsync("pw", "Operator");
        using var there = await new WebSession(fixture.Server).SignedInAsync(name, "user-password-1234");
        var r = await here.SubmitAsync("/account/password", "change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "user-password-1234", ["Input.NewPassword"] = "a-new-password-5678", ["Input.ConfirmPassword"] = "a-new-password-5678",
        });
        Assert.Contains("Password changed.", await r.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await there.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await new WebSession(fixture.Server).LoginAsync(name, "user-password-1234")).StatusCode);
        await new WebSession(fixture.Server).SignedInAsync(name, "a-new-password-5678");
        here.Dispose();
    }

    [Fact]
    public async Task Logout_is_a_post_that_ends_the_session()
    {
        using var session = await fixture.AdminAsync();
        // A GET cannot sign anyone out (a link or an image could trigger it).
        await session.GetAsync("/account/logout");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);
        var home = await (await session.GetAsync("/")).Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(home, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        var logout = await session.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/account/logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        });
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/")).StatusCode);
    }
}
