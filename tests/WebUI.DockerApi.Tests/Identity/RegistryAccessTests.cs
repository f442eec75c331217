using System.Net;
using System.Net.Http.Headers;
using System.Text;
using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Identity;

/// <summary>The built-in registry with accounts and tokens: docker login + push/pull, skopeo with a token, teams, anonymous refused.</summary>
[Collection(AccessCollection.Name)]
public sealed class RegistryAccessTests(AccessServerFixture fixture)
{
    private string Registry => $"127.0.0.1:{fixture.Server.Port}";

    [Fact]
    public async Task Docker_login_push_pull_with_an_account_and_skopeo_with_a_token_by_team()
    {
        var team = "rt" + Guid.NewGuid().ToString("N")[..6];
        var other = "ro" + Guid.NewGuid().ToString("N")[..6];
        var (opName, op) = await fixture.UserAsync("regop", "Operator", team);
        var (otherName, otherSession) = await fixture.UserAsync("regother", "Operator", other);
        var (viewerName, viewer) = await fixture.UserAsync("regview", "Viewer", team);
        viewer.Dispose();
        string otherToken;
        using (otherSession) otherToken = (await AccessServerFixture.TokenAsync(otherSession)).Token;

        var image = $"{Registry}/{team}/app:1";
        (await fixture.Server.Docker("tag", "busybox:latest", image)).EnsureSuccess();
        var anonymousPush = await fixture.Server.Docker("push", image);
        Assert.NotEqual(0, anonymousPush.ExitCode);

        (await fixture.Server.DockerAsync(["login", "-u", opName, "--password-stdin", Registry], stdin: "user-password-1234\n")).EnsureSuccess();
        (await fixture.Server.Docker("push", image)).EnsureSuccess();
        (await fixture.Server.Docker("rmi", image)).EnsureSuccess();
        (await fixture.Server.Docker("pull", image)).EnsureSuccess();
        (await fixture.Server.Docker("logout", Registry)).EnsureSuccess();

        // A Viewer of the team pulls but cannot push.
        (await fixture.Server.DockerAsync(["login", "-u", viewerName, "--password-stdin", Registry], stdin: "user-password-1234\n")).EnsureSuccess();
        (await fixture.Server.Docker("pull", image)).EnsureSuccess();
        var viewerPush = await fixture.Server.Docker("push", image);
        Assert.NotEqual(0, viewerPush.ExitCode);
        Assert.Contains("denied", viewerPush.Stderr + viewerPush.Stdout);
        (await fixture.Server.Docker("logout", Registry)).EnsureSuccess();

        // skopeo with an API token (Basic, token as password): the other team can neither read nor write team's repository.
        var inspect = await ProcessRunner.RunAsync("skopeo", ["inspect", "--tls-verify=false", "--creds", $"{otherName}:{otherToken}", $"docker://{image}"], timeout: TimeSpan.FromSeconds(60));
        Assert.NotEqual(0, inspect.ExitCode);
        var copy = await ProcessRunner.RunAsync("skopeo", ["copy", "--src-tls-verify=false", "--dest-tls-verify=false",
            "--src-creds", $"{otherName}:{otherToken}", "--dest-creds", $"{otherName}:{otherToken}",
            $"docker://{Registry}/{other}/nothing:1", $"docker://{image}-forged"], timeout: TimeSpan.FromSeconds(60));
        Assert.NotEqual(0, copy.ExitCode);

        // The team's own token works with skopeo, Bearer works with curl-like clients, and anonymous gets a 401 challenge.
        string token;
        using (op) token = (await AccessServerFixture.TokenAsync(op)).Token;
        var ok = await ProcessRunner.RunAsync("skopeo", ["inspect", "--tls-verify=false", "--creds", $"{opName}:{token}", $"docker://{image}"], timeout: TimeSpan.FromSeconds(60));
        ok.EnsureSuccess();
        Assert.Contains("\"Digest\"", ok.Stdout);
        var copied = await ProcessRunner.RunAsync("skopeo", ["copy", "--src-tls-verify=false", "--dest-tls-verify=false",
            "--src-creds", $"{opName}:{token}", "--dest-creds", $"{opName}:{token}", $"docker://{image}", $"docker://{Registry}/{team}/copy:1"], timeout: TimeSpan.FromSeconds(90));
        copied.EnsureSuccess();

        using var http = new HttpClient { BaseAddress = fixture.Server.WebBase };
        var anonymous = await http.GetAsync($"/v2/{team}/app/tags/list");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Basic", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        var bearer = new HttpRequestMessage(HttpMethod.Get, $"/v2/{team}/app/tags/list");
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Contains("\"1\"", await (await http.SendAsync(bearer)).Content.ReadAsStringAsync());
        var otherBearer = new HttpRequestMessage(HttpMethod.Get, $"/v2/{team}/app/tags/list");
        otherBearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", otherToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(otherBearer)).StatusCode);
        var wrong = new HttpRequestMessage(HttpMethod.Get, "/v2/");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{opName}:wrong-password-x")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong)).StatusCode);
        (await fixture.Server.Docker("rmi", image)).EnsureSuccess();
    }
}
