using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace WebUI.DockerApi.Tests.Identity;

/// <summary>The Docker API TCP listener: the real docker CLI with a token from the Account page; no, unknown or revoked tokens are 401; only the allow-list is served.</summary>
[Collection(AccessCollection.Name)]
public sealed class TcpListenerTests(AccessServerFixture fixture)
{
    [Fact]
    public async Task Docker_cli_runs_and_lists_over_tcp_with_a_token_and_changes_are_audited_with_its_user()
    {
        var (name, session) = await fixture.UserAsync("tcpop", "Operator");
        using (session)
        {
            var (_, token) = await AccessServerFixture.TokenAsync(session);
            var container = "tcp-run-" + Guid.NewGuid().ToString("N")[..6];
            var run = (await fixture.DockerTcpAsync(token, "run", "--name", container, "--network", "none", "busybox", "echo", "over-tcp")).EnsureSuccess();
            Assert.Contains("over-tcp", run.Stdout);
            var ps = (await fixture.DockerTcpAsync(token, "ps", "-a", "--format", "{{.Names}}")).EnsureSuccess();
            Assert.Contains(container, ps.Stdout);
            (await fixture.DockerTcpAsync(token, "rm", container)).EnsureSuccess();

            using var admin = await fixture.AdminAsync();
            var csv = await (await admin.GetAsync("/admin/audit.csv?user=" + name)).Content.ReadAsStringAsync();
            Assert.Matches($@"(?m)^\S+,{name},tcp 127\.0\.0\.1,docker-api,POST /containers/create,{container},201", csv);
            Assert.Contains("token.create", csv);
        }
    }

    [Fact]
    public async Task Missing_unknown_and_revoked_tokens_get_401_and_nothing_runs()
    {
        var (_, session) = await fixture.UserAsync("tcprev", "Operator");
        using (session)
        {
            var (id, token) = await AccessServerFixture.TokenAsync(session);
            var none = await fixture.DockerTcpAsync(null, "ps");
            Assert.NotEqual(0, none.ExitCode);
            Assert.Contains("needs an API token", none.Stderr);
            using (var anonymous = fixture.TcpClient(null))
            {
                var r = await anonymous.GetAsync("/containers/json");
                Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
                Assert.Equal("Bearer", r.Headers.WwwAuthenticate.Single().Scheme);
            }
            using (var forged = fixture.TcpClient(token[..^4] + "AAAA"))
                Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/containers/json")).StatusCode);
            using (var good = fixture.TcpClient(token))
            {
                Assert.Equal(HttpStatusCode.OK, (await good.GetAsync("/containers/json")).StatusCode);
                await AccessServerFixture.RevokeAsync(session, id);
                // Immediate effect: the very next request is refused.
                Assert.Equal(HttpStatusCode.Unauthorized, (await good.GetAsync("/containers/json")).StatusCode);
                var name = "after-revoke-" + Guid.NewGuid().ToString("N")[..6];
                Assert.Equal(HttpStatusCode.Unauthorized, (await good.PostAsJsonAsync($"/containers/create?name={name}", new { Image = "busybox" })).StatusCode);
                Assert.DoesNotContain(name, await fixture.AllContainerNamesAsync());
            }
            var revoked = await fixture.DockerTcpAsync(token, "ps");
            Assert.NotEqual(0, revoked.ExitCode);
            Assert.Contains("revoked or expired", revoked.Stderr);
        }
    }

    /// <summary>
    /// Every Docker API route of the running app on TCP: anonymous → 401; with a token, a route outside the allow-list is
    /// a bare 404 (routing found nothing), an allow-listed one is served (any answer but routing's 404); a Viewer's
    /// token changes nothing (403 for every method but GET/HEAD).
    /// </summary>
    [Fact]
    public async Task Only_allow_listed_routes_are_served_on_tcp_and_viewers_are_read_only()
    {
        using var admin = await fixture.AdminAsync();
        var list = await (await admin.GetAsync("/_test/endpoints")).Content.ReadFromJsonAsync<List<EndpointInfo>>(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.NotNull(list);
        var (_, adminToken) = await AccessServerFixture.TokenAsync(admin, "matrix");
        var (_, viewerSession) = await fixture.UserAsync("tcpview", "Viewer");
        var (_, viewerToken) = await AccessServerFixture.TokenAsync(viewerSession);
        viewerSession.Dispose();
        using var anonymous = fixture.TcpClient(null);
        using var root = fixture.TcpClient(adminToken);
        using var viewer = fixture.TcpClient(viewerToken);
        var failures = new List<string>();
        var served = 0;
        foreach (var e in list.Where(e => e.DockerApi))
        {
            // A catch-all (images/{**rest}) dispatches on its tail: give it one its handler knows.
            var path = Regex.Replace(Regex.Replace("/" + e.Route.TrimStart('/'), @"\{\*\*[^}]+\}", "no-such-thing/json"), @"\{[^}]+\}", "no-such-thing");
            foreach (var method in e.Methods)
            {
                if (method == "HEAD" && e.Methods.Contains("GET")) continue;
                var a = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
                if (a.StatusCode != HttpStatusCode.Unauthorized) failures.Add($"{method} {path}: anonymous got {(int)a.StatusCode}");

                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                HttpResponseMessage r;
                try
                {
                    r = await root.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), HttpCompletionOption.ResponseHeadersRead, cts.Token);
                }
                catch (OperationCanceledException)
                {
                    // A streaming route (events) answered and kept going: served.
                    if (!e.TcpMethods.Contains(method)) failures.Add($"{method} {path}: not allow-listed but streamed");
                    served++;
                    continue;
                }
                // Docker's answer to a route that does not exist: 404 "page not found" (DockerErrorMiddleware).
                // HEAD has no body to tell the two apart: a 404 there counts as routing's.
                var routingMiss = r.StatusCode == HttpStatusCode.NotFound &&
                    (method == "HEAD" || (await r.Content.ReadAsStringAsync(cts.Token)).Contains("page not found", StringComparison.Ordinal));
                if (e.TcpMethods.Contains(method))
                {
                    served++;
                    if (routingMiss) failures.Add($"{method} {path}: allow-listed but 404 from routing");
                }
                else if (!routingMiss) failures.Add($"{method} {path}: not allow-listed but answered {(int)r.StatusCode}");
                r.Dispose();

                if (e.TcpMethods.Contains(method) && method is not ("GET" or "HEAD"))
                {
                    var v = await viewer.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
                    if (v.StatusCode != HttpStatusCode.Forbidden) failures.Add($"{method} {path}: a Viewer's token got {(int)v.StatusCode}");
                }
            }
        }
        Assert.True(served >= 30, $"only {served} allow-listed routes found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
