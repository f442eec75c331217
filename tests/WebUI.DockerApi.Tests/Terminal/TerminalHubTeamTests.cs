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
}
