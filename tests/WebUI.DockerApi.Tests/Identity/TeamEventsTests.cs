using System.Globalization;

namespace WebUI.DockerApi.Tests.Identity;

/// <summary>
/// GET /events on the TCP listener is filtered by team: each team's token sees its own and shared objects' events,
/// never another team's container, volume, network or image events; root on the socket sees them all.
/// </summary>
[Collection(AccessCollection.Name)]
public sealed class TeamEventsTests(AccessServerFixture fixture)
{
    [Fact]
    public async Task Each_teams_token_sees_only_its_teams_events()
    {
        var (_, teamA, tokenA) = await fixture.TeamOperatorAsync("ea");
        var (_, teamB, tokenB) = await fixture.TeamOperatorAsync("eb");
        var id = Guid.NewGuid().ToString("N")[..6];
        var since = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0 - 1).ToString("F3", CultureInfo.InvariantCulture);
        var tar = Path.Combine(fixture.Server.Root, "busybox-rootfs.tar");
        string Name(string team, string kind) => $"ev{kind}-{team}-{id}";
        try
        {
            foreach (var (token, team) in new[] { (tokenA, teamA), (tokenB, teamB) })
            {
                (await fixture.DockerTcpAsync(token, "run", "-d", "--name", Name(team, "c"), "--network", "none", "busybox", "true")).EnsureSuccess();
                (await fixture.DockerTcpAsync(token, "volume", "create", Name(team, "v"))).EnsureSuccess();
                (await fixture.DockerTcpAsync(token, "network", "create", "--subnet", $"10.{Random.Shared.Next(150, 200)}.{Random.Shared.Next(0, 256)}.0/24", Name(team, "n"))).EnsureSuccess();
                (await fixture.DockerTcpAsync(token, "import", tar, Name(team, "i") + ":1")).EnsureSuccess();
            }
            var until = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0 + 1).ToString("F3", CultureInfo.InvariantCulture);
            string[] events = ["events", "--since", since, "--until", until, "--format", "{{.Type}} {{.Action}} {{.Actor.ID}} {{.Actor.Attributes.name}}"];
            var root = (await fixture.Server.Docker(events)).EnsureSuccess().Stdout;
            foreach (var (token, mine, theirs) in new[] { (tokenA, teamA, teamB), (tokenB, teamB, teamA) })
            {
                var seen = (await fixture.DockerTcpAsync(token, events)).EnsureSuccess().Stdout;
                Assert.Matches($@"container create \S+ {Name(mine, "c")}", seen);
                Assert.Matches($@"container die \S+ {Name(mine, "c")}", seen);
                Assert.Matches($@"volume create {Name(mine, "v")}", seen);
                Assert.Matches($@"network create \S+ {Name(mine, "n")}", seen);
                Assert.Matches($@"image import \S+ \S*{Name(mine, "i")}", seen);
                Assert.DoesNotContain(theirs, seen);
                foreach (var kind in new[] { "c", "v", "n", "i" }) Assert.Contains(Name(theirs, kind), root);
            }
        }
        finally
        {
            foreach (var team in new[] { teamA, teamB })
            {
                await fixture.Server.Docker("rm", "-f", Name(team, "c"));
                await fixture.Server.Docker("volume", "rm", "-f", Name(team, "v"));
                await fixture.Server.Docker("network", "rm", Name(team, "n"));
                await fixture.Server.Docker("rmi", Name(team, "i") + ":1");
            }
        }
    }
}
