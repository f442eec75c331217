using System.Net;
using WebUI.DockerApi.Tests.Identity;

namespace WebUI.DockerApi.Tests.Terminal;

/// <summary>The terminal hub takes the dashboard's session cookie and nothing else, and only for Operators and Admins.</summary>
public sealed class TerminalHubAuthorizationTests(IdentityServerFixture fixture) : IClassFixture<IdentityServerFixture>
{
    private const string Negotiate = "/hubs/terminal/negotiate?negotiateVersion=1";

    [Fact]
    public async Task Only_signed_in_operators_and_admins_may_connect_to_the_terminal_hub()
    {
        using var anonymous = new WebSession(fixture.Server);
        var a = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Post, Negotiate));
        Assert.True(a.StatusCode == HttpStatusCode.Unauthorized ||
                    (a.StatusCode == HttpStatusCode.Redirect && a.Headers.Location!.OriginalString.Contains("/account/login", StringComparison.Ordinal)),
            $"anonymous got {(int)a.StatusCode}");

        var (_, viewer) = await fixture.UserAsync("term-viewer", "Viewer");
        using (viewer)
        {
            var v = await viewer.SendAsync(new HttpRequestMessage(HttpMethod.Post, Negotiate));
            // Refused (403, or sent to the access-denied page); never connected.
            Assert.True(v.StatusCode == HttpStatusCode.Forbidden || v.Headers.Location?.OriginalString.Contains("/account/denied", StringComparison.Ordinal) == true,
                $"a Viewer got {(int)v.StatusCode}");
            Assert.DoesNotContain("connectionToken", await v.Content.ReadAsStringAsync());
        }

        var (_, operatorSession) = await fixture.UserAsync("term-operator", "Operator");
        using (operatorSession)
        {
            var o = await operatorSession.SendAsync(new HttpRequestMessage(HttpMethod.Post, Negotiate));
            Assert.Equal(HttpStatusCode.OK, o.StatusCode);
            Assert.Contains("connectionToken", await o.Content.ReadAsStringAsync());
        }

        // A token in the URL is no way in: without the cookie, access_token is ignored.
        using var withToken = new WebSession(fixture.Server);
        var t = await withToken.SendAsync(new HttpRequestMessage(HttpMethod.Post, Negotiate + "&access_token=anything"));
        Assert.NotEqual(HttpStatusCode.OK, t.StatusCode);
    }
}
