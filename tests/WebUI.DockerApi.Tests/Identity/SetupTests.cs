using System.Net;
using System.Text.RegularExpressions;
using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Identity;

public sealed partial class SetupTests
{
    [Fact]
    public async Task Setup_code_works_once_and_setup_stays_gone_after_a_restart()
    {
        await using var server = await WebUIServer.StartAsync();
        var code = SetupCode().Match(server.Log).Groups["code"].Value;
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", code);

        using var anonymous = new WebSession(server);
        var login = await (await anonymous.GetAsync("/account/login")).Content.ReadAsStringAsync();
        Assert.Contains("href=\"/setup\"", login);

        var wrong = await anonymous.SubmitAsync("/setup", "setup", Form("AAAA-BBBB-CCCC", "chief"));
        Assert.Contains("The setup code is wrong", await wrong.Content.ReadAsStringAsync());

        var right = await anonymous.SubmitAsync("/setup", "setup", Form(code.ToLowerInvariant(), "chief"));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var home = await anonymous.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("data-testid=\"admin-nav\"", await home.Content.ReadAsStringAsync());

        using var second = new WebSession(server);
        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync("/setup")).StatusCode);
        var replay = await second.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/setup")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(Form(code, "intruder")) { ["_handler"] = "setup" }),
        });
        Assert.Equal(HttpStatusCode.NotFound, replay.StatusCode);

        await server.StopProcessAsync();
        await server.StartProcessAsync();
        using var afterRestart = new WebSession(server);
        Assert.Equal(HttpStatusCode.NotFound, (await afterRestart.GetAsync("/setup")).StatusCode);
        Assert.Single(SetupCode().Matches(server.Log));
        await afterRestart.SignedInAsync("chief", "chief-password-1234");
        using var intruder = new WebSession(server);
        Assert.Equal(HttpStatusCode.OK, (await intruder.LoginAsync("intruder", "chief-password-1234")).StatusCode);
    }

    [Fact]
    public async Task No_user_means_no_way_in_but_setup()
    {
        await using var server = await WebUIServer.StartAsync();
        using var anonymous = new WebSession(server);
        Assert.Contains("Wrong user name or password.", await (await anonymous.LoginAsync("admin", "admin")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/setup")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/")).StatusCode);
    }

    private static Dictionary<string, string> Form(string code, string user) => new()
    {
        ["Input.Code"] = code,
        ["Input.UserName"] = user,
        ["Input.Password"] = "chief-password-1234",
        ["Input.ConfirmPassword"] = "chief-password-1234",
    };

    [GeneratedRegex(@"one-time setup code to create the admin: (?<code>[A-Z0-9-]+)")]
    private static partial Regex SetupCode();
}
