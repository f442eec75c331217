using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace WebUI.DockerApi.Tests.Identity;

/// <summary>
/// Every SignalR hub method of the running app (from its endpoint data) is checked for anonymous, Viewer, Operator of
/// the container's team, Operator of another team and Admin. Deny by default: an app hub method without a policy of its
/// own, or without a row here, fails the test; the framework's circuit hub (Blazor) must not be anonymous.
/// </summary>
[Collection(AccessCollection.Name)]
public sealed class HubMatrixTests(AccessServerFixture fixture)
{
    private sealed record Row(Func<HubConnection, string, string, Task> Call, string? AnotherOwner);

    /// <summary>How each method is called (connection, container, session) and what a caller who does not own the session gets (null: no effect, no error).</summary>
    private static readonly Dictionary<string, Row> Rows = new(StringComparer.Ordinal)
    {
        ["Open"] = new((h, container, _) => h.InvokeAsync<JsonElement>("Open", new { containerId = container, mode = 0, command = "sh", user = "", rows = 24, cols = 80 }), "No such container"),
        ["Join"] = new((h, _, s) => h.InvokeAsync<JsonElement>("Join", s), "No such terminal session"),
        ["Input"] = new((h, _, s) => h.InvokeAsync("Input", s, "echo in-$((20+3))\r"), "No such terminal session"),
        ["Resize"] = new((h, _, s) => h.InvokeAsync("Resize", s, 30, 100), "No such terminal session"),
        ["Leave"] = new((h, _, s) => h.InvokeAsync("Leave", s), null),
        ["Close"] = new((h, _, s) => h.InvokeAsync("Close", s), "No such terminal session"),
    };

    private async Task<HubConnection> ConnectAsync(string path, WebSession? session)
    {
        var hub = new HubConnectionBuilder().WithUrl(new Uri(fixture.Server.WebBase, path), o => { if (session is not null) o.Cookies = session.Cookies; }).Build();
        await hub.StartAsync();
        return hub;
    }

    [Fact]
    public async Task Every_hub_method_has_a_policy_and_holds_per_role_and_team()
    {
        List<EndpointInfo> list;
        using (var admin0 = await fixture.AdminAsync())
            list = (await (await admin0.GetAsync("/_test/endpoints")).Content.ReadFromJsonAsync<List<EndpointInfo>>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
        var hubs = list.Where(e => e.HubMethods is { Count: > 0 } && !e.Route.EndsWith("/negotiate", StringComparison.Ordinal)).ToList();
        var failures = new List<string>();
        foreach (var e in hubs.Where(e => e.HubMethods!.All(m => m.Framework)))
            if (e.AllowAnonymous) failures.Add($"{e.Route}: the framework hub is open to anonymous callers");
        var app = hubs.Where(e => e.HubMethods!.Any(m => !m.Framework)).ToList();
        Assert.Contains(app, e => e.Route == "/hubs/terminal");
        foreach (var m in app.SelectMany(e => e.HubMethods!))
        {
            if (m.Policies.Count == 0 && !m.AllowAnonymous) failures.Add($"{m.Hub}.{m.Method}: no policy of its own (deny by default)");
            if (m.AllowAnonymous) failures.Add($"{m.Hub}.{m.Method}: anonymous");
            if (!Rows.ContainsKey(m.Method)) failures.Add($"{m.Hub}.{m.Method}: no row in this matrix");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(app.Count, app.Select(e => e.Route).Distinct().Count());

        var team = "hm" + Guid.NewGuid().ToString("N")[..6];
        var container = "hubmx-" + Guid.NewGuid().ToString("N")[..6];
        (await fixture.Server.Docker("run", "-d", "--name", container, "--network", "none", "--label", $"webui.team={team}", "busybox", "sleep", "600")).EnsureSuccess();
        try
        {
            foreach (var e in app)
                await CheckHubAsync(e.Route, [.. e.HubMethods!.Select(m => m.Method)], team, container);
        }
        finally
        {
            await fixture.Server.Docker("rm", "-f", container);
        }
    }

    private async Task CheckHubAsync(string route, List<string> methods, string team, string container)
    {
        // Anonymous and Viewer: no connection, so no method.
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => ConnectAsync(route, null));
        var (_, viewer) = await fixture.UserAsync("hubview", "Viewer", team);
        using (viewer) await Assert.ThrowsAnyAsync<HttpRequestException>(() => ConnectAsync(route, viewer));

        var (_, owner) = await fixture.UserAsync("hubown", "Operator", team);
        var (_, other) = await fixture.UserAsync("hubother", "Operator", "x" + team);
        using var ownerSession = owner;
        using var otherSession = other;
        await using var mine = await ConnectAsync(route, owner);
        var output = new StringBuilder();
        mine.On<string, long, string>("output", (_, _, text) => { lock (output) output.Append(text); });
        var opened = await mine.InvokeAsync<JsonElement>("Open", new { containerId = container, mode = 0, command = "sh", user = "", rows = 24, cols = 80 });
        var session = opened.GetProperty("id").GetString()!;
        // The owner: every method works on its own session (Leave, then Close last; the output is watched in between).
        foreach (var method in methods.Where(m => m is not ("Open" or "Leave" or "Close")).Concat(["Leave", "Close"]).Where(methods.Contains))
        {
            if (method == "Close")
            {
                await mine.InvokeAsync<JsonElement>("Join", session);
                // Another team's operator first: nothing of the owner's session answers them, and it keeps running.
                await using var theirs = await ConnectAsync(route, other);
                foreach (var m in methods)
                {
                    var row = Rows[m];
                    if (row.AnotherOwner is null) { await row.Call(theirs, container, session); continue; }
                    var refused = await Assert.ThrowsAsync<HubException>(() => row.Call(theirs, container, session));
                    Assert.Contains(row.AnotherOwner, refused.Message);
                }
                await mine.InvokeAsync("Input", session, "echo still-$((1+1))\r");
                await WaitForAsync(output, "still-2");

                // The Admin sees every team's container, but a session stays its owner's.
                using var admin = await fixture.AdminAsync();
                await using var admins = await ConnectAsync(route, admin);
                var adminOpened = await admins.InvokeAsync<JsonElement>("Open", new { containerId = container, mode = 0, command = "sh", user = "", rows = 24, cols = 80 });
                var refusedAdmin = await Assert.ThrowsAsync<HubException>(() => admins.InvokeAsync<JsonElement>("Join", session));
                Assert.Contains("No such terminal session", refusedAdmin.Message);
                await admins.InvokeAsync("Close", adminOpened.GetProperty("id").GetString()!);
            }
            await Rows[method].Call(mine, container, session);
            if (method == "Input") await WaitForAsync(output, "in-23");
        }
    }

    private static async Task WaitForAsync(StringBuilder output, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            lock (output) if (output.ToString().Contains(text, StringComparison.Ordinal)) return;
            Assert.True(DateTime.UtcNow < deadline, $"no \"{text}\" in the terminal's output: {output}");
            await Task.Delay(50);
        }
    }
}
