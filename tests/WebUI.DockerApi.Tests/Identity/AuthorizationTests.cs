using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace WebUI.DockerApi.Tests.Identity;

public sealed partial class AuthorizationTests(IdentityServerFixture fixture) : IClassFixture<IdentityServerFixture>
{
    /// <summary>
    /// The only web routes anyone may use without signing in, besides static files. The registry (/v2) authorizes each
    /// request itself (IRegistryAccessPolicy) and answers with a registry challenge, not a login page.
    /// </summary>
    private static readonly HashSet<string> AnonymousRoutes = ["/account/login", "/setup", "/v2", "/v2/{**path}"];

    [Fact]
    public async Task Viewer_cannot_reach_admin_pages_or_post_admin_forms()
    {
        var (_, viewer) = await fixture.UserAsync("viewer", "Viewer");
        using (viewer)
        {
            foreach (var path in new[] { "/admin/users", "/admin/audit", "/admin/audit.csv" })
            {
                var r = await viewer.GetAsync(path);
                Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
                Assert.StartsWith("/account/denied", r.Headers.Location!.PathAndQuery);
            }
            var home = await (await viewer.GetAsync("/")).Content.ReadAsStringAsync();
            Assert.DoesNotContain("admin-nav", home);

            // A forged post with a valid antiforgery token of this session: refused before the page runs.
            var token = AntiforgeryToken().Match(await (await viewer.GetAsync("/account/password")).Content.ReadAsStringAsync()).Groups[1].Value;
            var forged = await viewer.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/admin/users")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["_handler"] = "user-create", ["__RequestVerificationToken"] = token,
                    ["Create.UserName"] = "made-by-viewer", ["Create.Password"] = "viewer-made-password", ["Create.Role"] = "Admin",
                }),
            });
            Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        }
        using var admin = await fixture.AdminAsync();
        Assert.DoesNotContain("made-by-viewer", await (await admin.GetAsync("/admin/users")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Disabled_user_loses_the_session_and_cannot_sign_in_until_enabled()
    {
        var (name, session) = await fixture.UserAsync("dis", "Operator");
        using var admin = await fixture.AdminAsync();
        Assert.Contains($"Disabled {name}.", await (await admin.ManageUserAsync(name, "disable")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/")).StatusCode);
        using var again = new WebSession(fixture.Server);
        Assert.Contains("Wrong user name or password.", await (await again.LoginAsync(name, "user-password-1234")).Content.ReadAsStringAsync());

        Assert.Contains($"Enabled {name}.", await (await admin.ManageUserAsync(name, "enable")).Content.ReadAsStringAsync());
        await again.SignedInAsync(name, "user-password-1234");
        session.Dispose();
    }

    [Fact]
    public async Task Role_change_takes_effect_on_the_users_sessions()
    {
        var (name, session) = await fixture.UserAsync("promo", "Viewer");
        using (session)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/admin/users")).StatusCode);
            using var admin = await fixture.AdminAsync();
            Assert.Contains($"{name} is now Admin.", await (await admin.ManageUserAsync(name, "role", role: "Admin")).Content.ReadAsStringAsync());
            // The old session carried the old role: it ends; a new sign-in gets the new role.
            Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/")).StatusCode);
        }
        using var fresh = await new WebSession(fixture.Server).SignedInAsync(name, "user-password-1234");
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task Docker_API_socket_needs_no_login_and_its_changes_are_audited()
    {
        using var docker = fixture.Server.CreateHttpClient();
        Assert.Equal("OK", await docker.GetStringAsync("/_ping"));
        var name = "audited-" + Guid.NewGuid().ToString("N")[..6];
        var created = await docker.PostAsJsonAsync("/volumes/create", new { Name = name });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var unknownImage = await docker.PostAsJsonAsync($"/containers/create?name={name}", new { Image = "no-such-image:latest" });
        Assert.Equal(HttpStatusCode.NotFound, unknownImage.StatusCode);
        var missing = await docker.PostAsync("/containers/no-such-container/start", null);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await docker.GetAsync("/no/such/route")).StatusCode);

        // The web port never serves the Docker API: there it is a page route, closed to the anonymous.
        using var anonymous = new WebSession(fixture.Server);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/containers/json")).StatusCode);

        using var admin = await fixture.AdminAsync();
        var csv = await (await admin.GetAsync("/admin/audit.csv?user=" + Uri.EscapeDataString("docker-api (uid 0)"))).Content.ReadAsStringAsync();
        Assert.True(csv.Contains("docker-api (uid 0),unix socket,docker-api,POST /volumes/create,,201", StringComparison.Ordinal), csv);
        Assert.Contains($"docker-api (uid 0),unix socket,docker-api,POST /containers/create,{name},404", csv);
        Assert.Contains("docker-api (uid 0),unix socket,docker-api,POST /containers/{id}/start,no-such-container,404", csv);
        Assert.DoesNotContain("GET /_ping", csv);
    }

    [Fact]
    public async Task Logins_and_user_management_are_in_the_audit_log_and_its_filters()
    {
        var (name, session) = await fixture.UserAsync("aud", "Viewer");
        session.Dispose();
        using var failed = new WebSession(fixture.Server);
        await failed.LoginAsync(name, "wrong-password-here");
        using var admin = await fixture.AdminAsync();
        var page = await (await admin.GetAsync("/admin/audit?user=" + name)).Content.ReadAsStringAsync();
        Assert.Contains("login.failed", page);
        Assert.Contains(">login<", page);
        var created = await (await admin.GetAsync("/admin/audit.csv?action=user.create")).Content.ReadAsStringAsync();
        Assert.Matches($@"(?m)^\S+,admin,[^,]*,dashboard,user.create,{name},success,role Viewer$", created);
        Assert.DoesNotContain("login.failed", created);
        Assert.DoesNotContain("user-password-1234", created + page);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(name, await (await admin.GetAsync($"/admin/audit.csv?from={today}&to={today}")).Content.ReadAsStringAsync());
        Assert.DoesNotContain(name, await (await admin.GetAsync($"/admin/audit.csv?from={tomorrow}")).Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Deny by default: every endpoint of the running app either belongs to the Docker API (socket only), is a static file,
    /// is one of the few anonymous routes, or needs a signed-in user; admin routes need the Admin policy. Checked on the
    /// metadata and by requesting each route as an anonymous visitor and as a Viewer.
    /// </summary>
    [Fact]
    public async Task Every_endpoint_has_an_explicit_authorization_decision()
    {
        using var admin = await fixture.AdminAsync();
        var list = await (await admin.GetAsync("/_test/endpoints")).Content.ReadFromJsonAsync<List<EndpointInfo>>(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.NotNull(list);
        Assert.Contains(list, e => e.DockerApi);
        Assert.Contains(list, e => e.Route.Contains("_blazor", StringComparison.Ordinal));
        var (_, viewer) = await fixture.UserAsync("matrix", "Viewer");
        using var anonymous = new WebSession(fixture.Server);
        var failures = new List<string>();
        foreach (var e in list)
        {
            var route = "/" + e.Route.TrimStart('/');
            var isStatic = Regex.IsMatch(route, @"^[^{}]*\.[A-Za-z0-9]+$") && e.Methods.All(m => m is "GET" or "HEAD");
            if (e.DockerApi)
            {
                if (!e.AllowAnonymous) failures.Add($"{route}: Docker API route without the socket's explicit AllowAnonymous");
                continue;
            }
            if (e.AllowAnonymous)
            {
                if (!isStatic && !AnonymousRoutes.Contains(route)) failures.Add($"{route}: anonymous but not in the allowed list");
                continue;
            }
            if (route.StartsWith("/admin", StringComparison.Ordinal) && !e.Policies.Contains("Admin")) failures.Add($"{route}: admin route without the Admin policy");
            if (route.StartsWith("/_test", StringComparison.Ordinal) && !e.Policies.Contains("Admin")) failures.Add($"{route}: test route without the Admin policy");

            var concrete = Regex.Replace(route, @"\{[^}]+\}", "x");
            var method = e.Methods.Count == 0 ? "GET" : e.Methods[0];
            var r = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), concrete));
            var loginRedirect = r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == true;
            if (!loginRedirect && r.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest))
                failures.Add($"{method} {concrete}: anonymous got {(int)r.StatusCode}");
            if (e.Policies.Contains("Admin"))
            {
                var v = await viewer.SendAsync(new HttpRequestMessage(new HttpMethod(method), concrete));
                var denied = v.StatusCode == HttpStatusCode.Forbidden ||
                             (v.StatusCode == HttpStatusCode.Redirect && v.Headers.Location?.OriginalString.Contains("/account/denied", StringComparison.Ordinal) == true);
                if (!denied) failures.Add($"{method} {concrete}: a Viewer got {(int)v.StatusCode}");
            }
        }
        viewer.Dispose();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
