using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Identity;

/// <summary>
/// One server with the Docker API TCP listener on (a free loopback port), the bootstrap admin, busybox imported, and
/// helpers to make users, teams and API tokens through the real pages and to run the docker CLI over TCP with a token.
/// </summary>
public sealed partial class AccessServerFixture : IAsyncLifetime
{
    public WebUIServer Server { get; private set; } = null!;
    public int TcpPort { get; } = FreePort();
    public string TcpHost => $"tcp://127.0.0.1:{TcpPort}";

    public async Task InitializeAsync()
    {
        Server = await WebSession.StartServerAsync(s =>
        {
            s.Settings["DockerApi__Tcp"] = $"127.0.0.1:{TcpPort}";
            s.Settings["Auth__SessionValidationInterval"] = "00:00:00";
            s.Settings["WEBUI_TEST_ENDPOINT_LIST"] = "1";
        });
        await Server.ImportBusyboxAsync();
    }

    public async Task<WebSession> AdminAsync() => await new WebSession(Server).SignedInAsync("admin", WebSession.AdminPassword);

    /// <summary>A new user of <paramref name="role"/> (unique name from the prefix), in <paramref name="team"/> when given (created if new).</summary>
    public async Task<(string Name, WebSession Session)> UserAsync(string prefix, string role, string? team = null, string password = "user-password-1234")
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}";
        using (var admin = await AdminAsync())
        {
            await admin.CreateUserAsync(name, password, role);
            if (team is not null)
            {
                await TeamAsync(admin, team, "create", "");
                Assert.Contains($"Added {name} to {team}.", await (await TeamAsync(admin, team, "add", name)).Content.ReadAsStringAsync());
            }
        }
        return (name, await new WebSession(Server).SignedInAsync(name, password));
    }

    /// <summary>An Operator in a new team of their own (names from the prefix) and their API token.</summary>
    public async Task<(string User, string Team, string Token)> TeamOperatorAsync(string prefix)
    {
        var team = prefix + Guid.NewGuid().ToString("N")[..6];
        var (name, session) = await UserAsync(prefix + "op", "Operator", team);
        using (session) return (name, team, (await TokenAsync(session)).Token);
    }

    public static Task<HttpResponseMessage> TeamAsync(WebSession admin, string team, string action, string user) =>
        admin.SubmitAsync("/admin/teams", "team", new Dictionary<string, string> { ["Input.Team"] = team, ["Input.UserName"] = user, ["Input.Action"] = action });

    /// <summary>Creates an API token on the Account page; returns (id, token text) as shown once.</summary>
    public static async Task<(string Id, string Token)> TokenAsync(WebSession session, string name = "test", int? days = null)
    {
        var r = await session.SubmitAsync("/account/tokens", "token-create", new Dictionary<string, string>
        {
            ["Create.Name"] = name, ["Create.Days"] = days?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        });
        var html = await r.Content.ReadAsStringAsync();
        var m = NewToken().Match(html);
        Assert.True(m.Success, $"no token shown: {(int)r.StatusCode}\n{html}");
        return (m.Groups["id"].Value, m.Groups["token"].Value);
    }

    public static async Task RevokeAsync(WebSession session, string id)
    {
        var r = await session.SubmitAsync("/account/tokens", "token-revoke", new Dictionary<string, string> { ["Revoke.Id"] = id });
        Assert.Contains($"Revoked {id}.", await r.Content.ReadAsStringAsync());
    }

    /// <summary>Runs the docker CLI over the TCP listener; the token travels as a custom header from config.json (DOCKER_CONFIG in a temp dir).</summary>
    public async Task<CommandResult> DockerTcpAsync(string? token, params string[] args)
    {
        var config = Path.Combine(Server.Root, "cfg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(config);
        var headers = token is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Authorization"] = "Bearer " + token };
        await File.WriteAllTextAsync(Path.Combine(config, "config.json"), JsonSerializer.Serialize(new { HttpHeaders = headers }));
        try
        {
            return await ProcessRunner.RunAsync("/usr/local/bin/docker", args, new Dictionary<string, string>
            {
                ["DOCKER_HOST"] = TcpHost, ["DOCKER_CONFIG"] = config, ["DOCKER_CLI_HINTS"] = "false",
            }, timeout: TimeSpan.FromSeconds(90));
        }
        finally
        {
            Directory.Delete(config, recursive: true);
        }
    }

    /// <summary>An HttpClient to the TCP listener, with the token as bearer when given.</summary>
    public HttpClient TcpClient(string? token)
    {
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{TcpPort}/"), Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null) http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>
    /// Sends, with <paramref name="token"/>, every Docker API route under <paramref name="prefix"/> (e.g. "/containers/{id}")
    /// that the TCP listener serves, from the running app's endpoint data, with {id} = <paramref name="id"/> and an
    /// optional body; returns how many were sent and each whose answer was not a 404 containing <paramref name="expected"/>.
    /// </summary>
    public async Task<(int Sent, List<string> Failures)> RoutesNotFoundAsync(string token, string prefix, string id, string expected, Func<string, HttpContent?>? body = null)
    {
        List<EndpointInfo> list;
        using (var admin = await AdminAsync())
            list = (await (await admin.GetAsync("/_test/endpoints")).Content.ReadFromJsonAsync<List<EndpointInfo>>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
        using var http = TcpClient(token);
        var failures = new List<string>();
        var sent = 0;
        foreach (var e in list.Where(e => e.DockerApi && e.Route.StartsWith(prefix, StringComparison.Ordinal)))
            foreach (var method in e.TcpMethods)
            {
                var path = e.Route.Replace("{id}", id, StringComparison.Ordinal);
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body?.Invoke(method) };
                // Streaming routes (logs, attach) answer their headers first: a 404 has its whole body at once.
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                using var r = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
                var answer = await r.Content.ReadAsStringAsync(cts.Token);
                sent++;
                if (r.StatusCode != HttpStatusCode.NotFound || !answer.Contains(expected, StringComparison.Ordinal))
                    failures.Add($"{method} {path}: {(int)r.StatusCode} {answer}");
            }
        return (sent, failures);
    }

    /// <summary>Names of every container as root sees them on the socket.</summary>
    public async Task<string> AllContainerNamesAsync() =>
        (await Server.Docker("ps", "-a", "--format", "{{.Names}}")).EnsureSuccess().Stdout;

    public async Task DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    [GeneratedRegex(@"<pre data-testid=""new-token"">(?<token>webui_(?<id>[0-9a-f]{12})_[A-Za-z0-9_-]{43})</pre>")]
    private static partial Regex NewToken();
}
