using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using WebUI.DockerApi.Tests.Identity;

namespace WebUI.DockerApi.Tests.Terminal;

/// <summary>The terminal hub through a real SignalR client with the session cookie: teams and roles hold for exec.</summary>
public sealed class TerminalHubTeamTests(AccessServerFixture fixture) : IClassFixture<AccessServerFixture>
{
    private async Task<HubConnection> ConnectAsync(WebSession session)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.Server.WebBase, "/hubs/terminal"), o => o.Cookies = session.Cookies)
            .Build();
        await hub.StartAsync();
        return hub;
    }

    [Fact]
    public async Task An_operator_of_the_containers_team_gets_a_shell_and_one_of_another_team_gets_nothing()
    {
        var run = await fixture.Server.Docker("run", "-d", "--name", "term-red", "--label", "webui.team=red", "busybox", "sleep", "100000");
        Assert.True(run.ExitCode == 0, run.Stderr);
        try
        {
            var (redName, red) = await fixture.UserAsync("term-red", "Operator", "red");
            var (_, blue) = await fixture.UserAsync("term-blue", "Operator", "blue");
            using (red)
            using (blue)
            {
                // The other team's operator: the container does not exist for them, and nothing was started.
                await using (var hub = await ConnectAsync(blue))
                {
                    var refused = await Assert.ThrowsAsync<HubException>(() =>
                        hub.InvokeAsync<object>("Open", new { containerId = "term-red", mode = 0, command = "sh", user = "", rows = 24, cols = 80 }));
                    Assert.Contains("No such container", refused.Message);
                }
                var inspect = await fixture.Server.Docker("inspect", "-f", "{{len .ExecIDs}}", "term-red");
                Assert.Equal("0", inspect.Stdout.Trim());

                // The team's operator: a shell whose output comes back through the hub, and its exit code.
                await using (var hub = await ConnectAsync(red))
                {
                    var output = new StringBuilder();
                    var exited = new TaskCompletionSource<int>();
                    hub.On<string, long, string>("output", (_, _, text) => { lock (output) output.Append(text); });
                    hub.On<string, int>("exited", (_, code) => exited.TrySetResult(code));
                    var session = await hub.InvokeAsync<System.Text.Json.JsonElement>("Open", new { containerId = "term-red", mode = 0, command = "sh", user = "", rows = 24, cols = 80 });
                    var id = session.GetProperty("id").GetString()!;
                    await hub.InvokeAsync<System.Text.Json.JsonElement>("Join", id);
                    await hub.InvokeAsync("Input", id, "echo hub-$((40+2))\rexit 4\r");
                    Assert.Equal(4, await exited.Task.WaitAsync(TimeSpan.FromSeconds(20)));
                    lock (output) Assert.Contains("hub-42", output.ToString());
                }
                var cast = Directory.GetFiles(Path.Combine(fixture.Server.DataRoot, "recordings"), "*.json", SearchOption.AllDirectories);
                Assert.Contains(cast, f => File.ReadAllText(f).Contains($"\"user\": \"{redName}\"", StringComparison.Ordinal));
            }
        }
        finally
        {
            await fixture.Server.Docker("rm", "-f", "term-red");
        }
    }

    [Fact]
    public async Task A_typing_operator_who_is_disabled_is_refused_within_two_seconds_and_keystrokes_before_arrive_in_order()
    {
        var run = await fixture.Server.Docker("run", "-d", "--name", "term-recheck", "--network", "none", "--label", "webui.team=recheck", "busybox", "sleep", "100000");
        Assert.True(run.ExitCode == 0, run.Stderr);
        try
        {
            var (name, typist) = await fixture.UserAsync("term-typist", "Operator", "recheck");
            using (typist)
            await using (var hub = await ConnectAsync(typist))
            {
                var output = new StringBuilder();
                hub.On<string, long, string>("output", (_, _, text) => { lock (output) output.Append(text); });
                var session = await hub.InvokeAsync<System.Text.Json.JsonElement>("Open", new { containerId = "term-recheck", mode = 0, command = "sh", user = "", rows = 24, cols = 80 });
                var id = session.GetProperty("id").GetString()!;
                await hub.InvokeAsync<System.Text.Json.JsonElement>("Join", id);

                // Typing for three seconds, a key every 50 ms, all sent without waiting (as the browser does): the
                // checks renewed in the background along the way let every key through, in order.
                var keys = new List<Task>();
                var typed = new StringBuilder("echo ");
                var until = DateTime.UtcNow.AddSeconds(3);
                for (var i = 0; DateTime.UtcNow < until; i++)
                {
                    var key = ((char)('a' + i % 26)).ToString();
                    typed.Append(key);
                    keys.Add(hub.InvokeAsync("Input", id, key));
                    await Task.Delay(50);
                }
                keys.Add(hub.InvokeAsync("Input", id, "\r"));
                await Task.WhenAll(keys);
                var line = typed.ToString()[5..];
                var deadline = DateTime.UtcNow.AddSeconds(20);
                while (true)
                {
                    lock (output) if (output.ToString().Split('\n').Any(l => l.Trim() == line)) break;
                    Assert.True(DateTime.UtcNow < deadline, $"no line {line} in the output: {output}");
                    await Task.Delay(50);
                }

                // Disabled while typing: a keystroke is refused within two seconds (plus one check) of that.
                using var admin = await fixture.AdminAsync();
                Assert.Contains($"Disabled {name}.", await (await admin.ManageUserAsync(name, "disable")).Content.ReadAsStringAsync());
                var disabledAt = DateTime.UtcNow;
                HubException? refused = null;
                while (refused is null && DateTime.UtcNow - disabledAt < TimeSpan.FromSeconds(10))
                {
                    try { await hub.InvokeAsync("Input", id, "x"); }
                    catch (HubException e) { refused = e; }
                    await Task.Delay(50);
                }
                Assert.NotNull(refused);
                Assert.True(DateTime.UtcNow - disabledAt < TimeSpan.FromSeconds(3), $"refused only after {DateTime.UtcNow - disabledAt}");
            }
        }
        finally
        {
            await fixture.Server.Docker("rm", "-f", "term-recheck");
        }
    }
}
