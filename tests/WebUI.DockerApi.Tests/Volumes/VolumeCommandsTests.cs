using System.Text.Json;
using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Volumes;

public sealed class VolumeCommandsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private WebUIServer Server => fixture.Server;

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    [Fact]
    public async Task Create_inspect_and_remove_a_named_volume_with_labels()
    {
        var name = Unique("data");
        Assert.Equal(name, (await Server.Docker("volume", "create", "--label", "team=blue", name)).EnsureSuccess().Stdout.Trim());

        var inspect = (await Server.Docker("volume", "inspect", name)).EnsureSuccess();
        using var doc = JsonDocument.Parse(inspect.Stdout);
        var v = doc.RootElement[0];
        Assert.Equal("local", v.GetProperty("Driver").GetString());
        Assert.Equal(Path.Combine(Server.DataRoot, "volumes", name, "_data"), v.GetProperty("Mountpoint").GetString());
        Assert.Equal("blue", v.GetProperty("Labels").GetProperty("team").GetString());
        Assert.True(Directory.Exists(v.GetProperty("Mountpoint").GetString()));

        (await Server.Docker("volume", "rm", name)).EnsureSuccess();
        var gone = await Server.Docker("volume", "inspect", name);
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains("no such volume", gone.Stderr);
        Assert.False(Directory.Exists(Path.Combine(Server.DataRoot, "volumes", name)));
    }

    [Fact]
    public async Task Creating_an_existing_volume_returns_it_unchanged()
    {
        var name = Unique("same");
        (await Server.Docker("volume", "create", "--label", "a=1", name)).EnsureSuccess();
        (await Server.Docker("volume", "create", name)).EnsureSuccess();
        var labels = (await Server.Docker("volume", "inspect", "--format", "{{json .Labels}}", name)).EnsureSuccess();
        Assert.Equal("{\"a\":\"1\"}", labels.Stdout.Trim());
        await Server.Docker("volume", "rm", name);
    }

    [Fact]
    public async Task Ls_filters_by_label_and_name()
    {
        var a = Unique("fa");
        var b = Unique("fb");
        (await Server.Docker("volume", "create", "--label", "pick=yes", a)).EnsureSuccess();
        (await Server.Docker("volume", "create", b)).EnsureSuccess();

        var byLabel = (await Server.Docker("volume", "ls", "-q", "--filter", "label=pick=yes")).EnsureSuccess().Stdout;
        Assert.Contains(a, byLabel);
        Assert.DoesNotContain(b, byLabel);
        var byName = (await Server.Docker("volume", "ls", "-q", "--filter", $"name={b}")).EnsureSuccess().Stdout;
        Assert.Equal(b, byName.Trim());

        await Server.Docker("volume", "rm", a, b);
    }

    [Fact]
    public async Task A_bad_name_or_driver_option_is_refused_and_nothing_is_created()
    {
        var bad = await Server.Docker("volume", "create", "bad/name");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("includes invalid characters for a local volume name", bad.Stderr);

        var name = Unique("opt");
        var badOpt = await Server.Docker("volume", "create", "-o", "colour=red", name);
        Assert.NotEqual(0, badOpt.ExitCode);
        Assert.Contains("invalid option key: \"colour\"", badOpt.Stderr);
        Assert.NotEqual(0, (await Server.Docker("volume", "inspect", name)).ExitCode);
        Assert.False(Directory.Exists(Path.Combine(Server.DataRoot, "volumes", name)));

        var unknownDriver = await Server.Docker("volume", "create", "-d", "nfs-magic", Unique("drv"));
        Assert.NotEqual(0, unknownDriver.ExitCode);
        Assert.Contains("plugin \"nfs-magic\" not found", unknownDriver.Stderr);
    }

    [Fact]
    public async Task Prune_removes_unused_anonymous_volumes_and_keeps_named_ones_unless_all()
    {
        var named = Unique("keep");
        (await Server.Docker("volume", "create", "--label", "prunetest=1", named)).EnsureSuccess();
        using var http = Server.CreateHttpClient();
        using var created = await http.PostAsync("/volumes/create", new StringContent("{\"Labels\":{\"prunetest\":\"1\"}}", System.Text.Encoding.UTF8, "application/json"));
        created.EnsureSuccessStatusCode();
        using var anon = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var anonName = anon.RootElement.GetProperty("Name").GetString()!;
        Assert.Matches("^[0-9a-f]{64}$", anonName);

        var pruned = (await Server.Docker("volume", "prune", "-f", "--filter", "label=prunetest=1")).EnsureSuccess();
        Assert.Contains(anonName, pruned.Stdout);
        Assert.DoesNotContain(named, pruned.Stdout);
        Assert.Equal(0, (await Server.Docker("volume", "inspect", named)).ExitCode);

        var all = (await Server.Docker("volume", "prune", "-f", "--all", "--filter", "label=prunetest=1")).EnsureSuccess();
        Assert.Contains(named, all.Stdout);
    }

    [Fact]
    public async Task Volume_events_are_published()
    {
        var name = Unique("ev");
        var since = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeSeconds().ToString();
        (await Server.Docker("volume", "create", name)).EnsureSuccess();
        (await Server.Docker("volume", "rm", name)).EnsureSuccess();
        var until = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString();
        var events = (await Server.Docker("events", "--since", since, "--until", until, "--filter", "type=volume", "--filter", $"volume={name}", "--format", "{{.Action}} {{.Actor.ID}}")).EnsureSuccess();
        Assert.Equal($"create {name}\ndestroy {name}", events.Stdout.Trim());
    }
}
