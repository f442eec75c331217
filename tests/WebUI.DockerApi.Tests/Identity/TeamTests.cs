namespace WebUI.DockerApi.Tests.Identity;

/// <summary>Teams: what an Operator of team A makes carries webui.team=A; an Operator of team B neither sees nor touches it; Admins see all.</summary>
[Collection(AccessCollection.Name)]
public sealed class TeamTests(AccessServerFixture fixture)
{
    [Fact]
    public async Task Another_teams_operator_cannot_see_inspect_stop_or_exec_a_container()
    {
        var (_, teamA, tokenA) = await fixture.TeamOperatorAsync("ta");
        var (_, _, tokenB) = await fixture.TeamOperatorAsync("tb");

        var name = "team-" + Guid.NewGuid().ToString("N")[..6];
        (await fixture.DockerTcpAsync(tokenA, "run", "-d", "--name", name, "--network", "none", "busybox", "sleep", "120")).EnsureSuccess();
        var label = (await fixture.Server.Docker("inspect", "-f", "{{index .Config.Labels \"webui.team\"}}", name)).EnsureSuccess();
        Assert.Equal(teamA, label.Stdout.Trim());
        Assert.Contains(name, (await fixture.DockerTcpAsync(tokenA, "ps", "--format", "{{.Names}}")).EnsureSuccess().Stdout);

        Assert.DoesNotContain(name, (await fixture.DockerTcpAsync(tokenB, "ps", "-a", "--format", "{{.Names}}")).EnsureSuccess().Stdout);
        foreach (var args in new[] { new[] { "inspect", name }, ["stop", name], ["exec", name, "true"], ["logs", name], ["rm", name], ["kill", name] })
        {
            var r = await fixture.DockerTcpAsync(tokenB, args);
            Assert.True(r.ExitCode != 0, $"{args[0]} by team B: {r}");
            Assert.Matches("No such (container|object)", r.Stderr + r.Stdout);
        }
        // Team B cannot choose team A's label either.
        var spoof = await fixture.DockerTcpAsync(tokenB, "create", "--label", $"webui.team={teamA}", "--network", "none", "busybox");
        Assert.Contains($"is not a member of team \"{teamA}\"", spoof.Stderr);
        // Team A's volumes are invisible to B.
        var vol = "tvol-" + Guid.NewGuid().ToString("N")[..6];
        (await fixture.DockerTcpAsync(tokenA, "volume", "create", vol)).EnsureSuccess();
        Assert.DoesNotContain(vol, (await fixture.DockerTcpAsync(tokenB, "volume", "ls", "-q")).Stdout);
        Assert.Contains(vol, (await fixture.DockerTcpAsync(tokenA, "volume", "ls", "-q")).Stdout);

        // Every container route the TCP listener serves, from the running app's endpoint data: "No such container" for team B.
        var (sent, failures) = await fixture.RoutesNotFoundAsync(tokenB, "/containers/{id}", name, "No such container");
        Assert.True(sent >= 15, $"only {sent} container routes");
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // Still running, untouched; the Admin sees it; its own team stops it.
        Assert.Equal("true", (await fixture.Server.Docker("inspect", "-f", "{{.State.Running}}", name)).EnsureSuccess().Stdout.Trim());
        using var admin = await fixture.AdminAsync();
        var (_, adminToken) = await AccessServerFixture.TokenAsync(admin, "admin-sees");
        Assert.Contains(name, (await fixture.DockerTcpAsync(adminToken, "ps", "--format", "{{.Names}}")).EnsureSuccess().Stdout);
        (await fixture.DockerTcpAsync(tokenA, "rm", "-f", name)).EnsureSuccess();
        (await fixture.DockerTcpAsync(tokenA, "volume", "rm", vol)).EnsureSuccess();
    }
}
