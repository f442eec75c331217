using System.Net;
using System.Net.Http.Json;

namespace WebUI.DockerApi.Tests.Identity;

/// <summary>
/// Networks and volumes belong to a team like containers: made by an Operator of team A they carry webui.team=A; an
/// Operator of team B neither lists, inspects, removes, prunes, connects nor disconnects them, nor sees A's containers on
/// a shared network; the Admin sees all. Real docker CLI over the TCP listener with each team's token.
/// </summary>
[Collection(AccessCollection.Name)]
public sealed class TeamNetworkTests(AccessServerFixture fixture)
{
    private static string Subnet() => $"10.{Random.Shared.Next(150, 200)}.{Random.Shared.Next(0, 256)}.0/24";

    [Fact]
    public async Task Another_teams_operator_neither_sees_nor_touches_a_network_or_volume()
    {
        var (_, teamA, tokenA) = await fixture.TeamOperatorAsync("na");
        var (_, teamB, tokenB) = await fixture.TeamOperatorAsync("nb");
        var id = Guid.NewGuid().ToString("N")[..6];
        string net = "tnet-" + id, shared = "tshr-" + id, vol = "tnv-" + id, ca = "tnca-" + id, cb = "tncb-" + id;
        try
        {
            (await fixture.DockerTcpAsync(tokenA, "network", "create", "--subnet", Subnet(), net)).EnsureSuccess();
            (await fixture.Server.Docker("network", "create", "--subnet", Subnet(), shared)).EnsureSuccess();
            Assert.Equal(teamA, (await fixture.Server.Docker("network", "inspect", "-f", "{{index .Labels \"webui.team\"}}", net)).EnsureSuccess().Stdout.Trim());
            Assert.Contains(net, (await fixture.DockerTcpAsync(tokenA, "network", "ls", "--format", "{{.Name}}")).EnsureSuccess().Stdout);
            var seenByB = (await fixture.DockerTcpAsync(tokenB, "network", "ls", "--format", "{{.Name}}")).EnsureSuccess().Stdout;
            Assert.DoesNotContain(net, seenByB);
            Assert.Contains(shared, seenByB);

            (await fixture.DockerTcpAsync(tokenA, "run", "-d", "--name", ca, "--network", net, "busybox", "sleep", "120")).EnsureSuccess();
            (await fixture.DockerTcpAsync(tokenA, "network", "connect", shared, ca)).EnsureSuccess();
            (await fixture.DockerTcpAsync(tokenB, "run", "-d", "--name", cb, "--network", shared, "busybox", "sleep", "120")).EnsureSuccess();

            foreach (var args in new[]
            {
                new[] { "network", "inspect", net }, ["network", "rm", net], ["network", "connect", net, cb],
                ["network", "disconnect", net, cb],
            })
            {
                var r = await fixture.DockerTcpAsync(tokenB, args);
                Assert.True(r.ExitCode != 0, $"{string.Join(' ', args)} by team B: {r}");
                Assert.True((r.Stderr + r.Stdout).Contains($"network {net} not found", StringComparison.Ordinal), $"{string.Join(' ', args)}: {r}");
            }
            // Every network route the TCP listener serves, from the running app's endpoint data: "not found" for team B.
            var (sent, failures) = await fixture.RoutesNotFoundAsync(tokenB, "/networks/{id}", net, $"network {net} not found",
                method => method == "POST" ? JsonContent.Create(new { Container = cb }) : null);
            Assert.True(sent >= 4, $"only {sent} network routes");
            Assert.True(failures.Count == 0, string.Join("\n", failures));
            // Nor create a container on it (the API directly: the CLI takes any 404 of create for a missing image and pulls).
            using (var http = fixture.TcpClient(tokenB))
            {
                var create = await http.PostAsJsonAsync("/containers/create", new { Image = "busybox", HostConfig = new { NetworkMode = net } });
                Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
                Assert.Contains($"network {net} not found", await create.Content.ReadAsStringAsync());
            }
            // B cannot pull A's container off a network either (the container is not B's to see).
            var off = await fixture.DockerTcpAsync(tokenB, "network", "disconnect", shared, ca);
            Assert.True(off.ExitCode != 0, off.ToString());
            // B's prune leaves A's network (unused by then only if A's container goes; it is A's all the same).
            (await fixture.Server.Docker("network", "disconnect", "-f", net, ca)).EnsureSuccess();
            (await fixture.DockerTcpAsync(tokenB, "network", "prune", "-f")).EnsureSuccess();
            (await fixture.Server.Docker("network", "inspect", net)).EnsureSuccess();

            // On the shared network B sees its own container, not A's; root and A see both.
            var sharedByB = (await fixture.DockerTcpAsync(tokenB, "network", "inspect", "-f", "{{range .Containers}}{{.Name}} {{end}}", shared)).EnsureSuccess().Stdout;
            Assert.Contains(cb, sharedByB);
            Assert.DoesNotContain(ca, sharedByB);
            var sharedByRoot = (await fixture.Server.Docker("network", "inspect", "-f", "{{range .Containers}}{{.Name}} {{end}}", shared)).EnsureSuccess().Stdout;
            Assert.Contains(ca, sharedByRoot);
            Assert.Contains(cb, sharedByRoot);

            // Volumes: inspect, rm and mounting A's volume are refused to B.
            (await fixture.DockerTcpAsync(tokenA, "volume", "create", vol)).EnsureSuccess();
            foreach (var args in new[] { new[] { "volume", "inspect", vol }, ["volume", "rm", vol] })
            {
                var r = await fixture.DockerTcpAsync(tokenB, args);
                Assert.True(r.ExitCode != 0, $"{string.Join(' ', args)} by team B: {r}");
                Assert.Contains("no such volume", r.Stderr + r.Stdout);
            }
            // Creating it again (Docker returns an existing volume of that name) does not hand it to B.
            var again = await fixture.DockerTcpAsync(tokenB, "volume", "create", vol);
            Assert.Contains("taken by another team's volume", again.Stderr);
            var mount = await fixture.DockerTcpAsync(tokenB, "run", "--rm", "--network", "none", "-v", vol + ":/data", "busybox", "true");
            Assert.Contains("belongs to another team", mount.Stderr);
            (await fixture.DockerTcpAsync(tokenB, "volume", "prune", "-af")).EnsureSuccess();
            (await fixture.DockerTcpAsync(tokenA, "volume", "inspect", vol)).EnsureSuccess();

            // The Networks page (prerendered under the signed-in user): a member of team B does not see it, one of team A does.
            var (_, viewerA) = await fixture.UserAsync("nva", "Viewer", teamA);
            var (_, viewerB) = await fixture.UserAsync("nvb", "Viewer", teamB);
            using (viewerA) Assert.Contains(net, await (await viewerA.GetAsync("/networks")).Content.ReadAsStringAsync());
            using (viewerB)
            {
                var page = await (await viewerB.GetAsync("/networks")).Content.ReadAsStringAsync();
                Assert.Contains(shared, page);
                Assert.DoesNotContain(net, page);
            }

            // The Admin sees every team's.
            using var admin = await fixture.AdminAsync();
            var (_, adminToken) = await AccessServerFixture.TokenAsync(admin, "admin-nets");
            Assert.Contains(net, (await fixture.DockerTcpAsync(adminToken, "network", "ls", "--format", "{{.Name}}")).EnsureSuccess().Stdout);
            Assert.Contains(vol, (await fixture.DockerTcpAsync(adminToken, "volume", "ls", "-q")).EnsureSuccess().Stdout);

            // A itself removes its own.
            (await fixture.DockerTcpAsync(tokenA, "rm", "-f", ca)).EnsureSuccess();
            (await fixture.DockerTcpAsync(tokenA, "network", "rm", net)).EnsureSuccess();
            (await fixture.DockerTcpAsync(tokenA, "volume", "rm", vol)).EnsureSuccess();
        }
        finally
        {
            await fixture.Server.Docker("rm", "-f", ca, cb);
            await fixture.Server.Docker("network", "rm", net, shared);
            await fixture.Server.Docker("volume", "rm", "-f", vol);
        }
    }
}
