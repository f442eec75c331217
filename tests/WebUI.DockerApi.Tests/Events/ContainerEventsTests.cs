using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Events;

/// <summary>Container events through docker events (filters, format) and docker-py's events().</summary>
public sealed class ContainerEventsTests(BusyboxServerFixture fixture) : IClassFixture<BusyboxServerFixture>
{
    private WebUIServer Server => fixture.Server;

    [Fact]
    public async Task A_container_lifecycle_publishes_docker_events_with_attributes()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeSeconds().ToString();
        var name = "ev" + Guid.NewGuid().ToString("N")[..8];
        var id = (await Server.Docker("run", "-d", "--name", name, "--label", "suite=events", "busybox", "sleep", "1000")).EnsureSuccess().Stdout.Trim();
        (await Server.Docker("exec", id, "true")).EnsureSuccess();
        (await Server.Docker("pause", id)).EnsureSuccess();
        (await Server.Docker("unpause", id)).EnsureSuccess();
        (await Server.Docker("rename", name, name + "x")).EnsureSuccess();
        (await Server.Docker("stop", "-t", "0", id)).EnsureSuccess();
        (await Server.Docker("rm", id)).EnsureSuccess();
        var until = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString();

        var actions = (await Server.Docker("events", "--since", since, "--until", until, "--filter", $"container={id}", "--format", "{{.Action}}"))
            .EnsureSuccess().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["create", "start", "exec_create: true", "exec_start: true", "exec_die", "pause", "unpause", "rename", "kill", "kill", "die", "stop", "destroy"], actions);

        var die = (await Server.Docker("events", "--since", since, "--until", until, "--filter", "label=suite=events", "--filter", "event=die",
            "--format", "{{.Type}} {{.Actor.Attributes.exitCode}} {{.Actor.Attributes.name}} {{.Actor.Attributes.image}} {{.Actor.Attributes.suite}}")).EnsureSuccess().Stdout;
        Assert.Equal($"container 137 {name}x busybox events\n", die);
        var rename = (await Server.Docker("events", "--since", since, "--until", until, "--filter", $"container={id}", "--filter", "event=rename",
            "--format", "{{.Actor.Attributes.oldName}}")).EnsureSuccess().Stdout;
        Assert.Equal($"/{name}\n", rename);
        var kill = (await Server.Docker("events", "--since", since, "--until", until, "--filter", $"container={id}", "--filter", "event=kill",
            "--format", "{{.Actor.Attributes.signal}}")).EnsureSuccess().Stdout;
        // stop -t 0: the stop signal, then SIGKILL at once.
        Assert.Equal("15\n9\n", kill);

        // An `until` already past when the request arrives still gets the events it covers (from the history), then ends.
        var past = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        await Task.Delay(200);
        var replayed = (await Server.Docker("events", "--since", since, "--until", past.ToString("F3", System.Globalization.CultureInfo.InvariantCulture),
            "--filter", $"container={id}", "--filter", "event=destroy", "--format", "{{.Action}}")).EnsureSuccess().Stdout;
        Assert.Equal("destroy\n", replayed);
    }

    [Fact]
    public async Task Docker_py_follows_events_as_they_happen()
    {
        var code = """
import docker, json, threading, time
c = docker.DockerClient(base_url='unix://' + SOCK)
seen = []
def run():
    time.sleep(0.5)
    c.containers.run('busybox', 'true', remove=True, labels={'suite': 'pyevents'})
threading.Thread(target=run).start()
for e in c.events(decode=True, filters={'label': 'suite=pyevents', 'type': 'container'}):
    seen.append(e['Action'])
    if e['Action'] == 'destroy': break
print(json.dumps(seen))
""";
        var r = await Server.PythonAsync(code, TimeSpan.FromSeconds(60));
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("""["create", "start", "die", "destroy"]""", r.Stdout.Trim());
    }

    [Fact]
    public async Task Filters_follow_dockers_rules_labels_and_ed_image_without_tag_name_prefix_scope_and_unknown_keys_refused()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeSeconds().ToString();
        var name = "evf" + Guid.NewGuid().ToString("N")[..8];
        (await Server.Docker("run", "--rm", "--name", name, "--label", "fa=1", "--label", "fb=2", "busybox:latest", "true")).EnsureSuccess();
        var until = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString();

        async Task<string> Events(params string[] filters)
        {
            var args = new List<string> { "events", "--since", since, "--until", until, "--format", "{{.Action}}" };
            foreach (var f in filters) args.AddRange(["--filter", f]);
            return (await Server.DockerAsync(args)).EnsureSuccess().Stdout.Replace('\n', ' ').Trim();
        }

        // The CLI attaches before it starts.
        const string lifecycle = "create attach start die destroy";
        // Labels: every one must match (Docker's MatchKVList), not any.
        Assert.Equal(lifecycle, await Events("label=fa=1", "label=fb=2", "type=container"));
        Assert.Equal("", await Events("label=fa=1", "label=fb=3"));
        Assert.Equal(lifecycle, await Events("label=fa", "label=fb", "type=container"));
        // image=busybox matches a container run from busybox:latest (the tag stripped, as Docker's matchImage does).
        Assert.Equal(lifecycle, await Events("image=busybox", "label=fa=1"));
        Assert.Equal(lifecycle, await Events("image=busybox:latest", "label=fa=1"));
        Assert.Equal("", await Events("image=busybo", "label=fa=1"));
        // container= matches a name by prefix as well as an id.
        Assert.Equal(lifecycle, await Events("container=" + name[..6], "label=fa=1"));
        Assert.Equal(lifecycle, await Events("scope=local", "label=fa=1"));
        Assert.Equal("", await Events("scope=swarm", "label=fa=1"));

        var bad = await Server.Docker("events", "--since", since, "--until", until, "--filter", "bogus=1");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("invalid filter 'bogus'", bad.Stderr);
    }

    [Fact]
    public async Task Network_and_image_events_in_dockers_shape()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeSeconds().ToString();
        var net = "evn" + Guid.NewGuid().ToString("N")[..8];
        var repo = "evimg" + Guid.NewGuid().ToString("N")[..8];
        var netId = (await Server.Docker("network", "create", net)).EnsureSuccess().Stdout.Trim();
        var c = (await Server.Docker("run", "-d", "--network", net, "busybox", "sleep", "1000")).EnsureSuccess().Stdout.Trim();
        (await Server.Docker("rm", "-f", c)).EnsureSuccess();
        (await Server.Docker("network", "rm", net)).EnsureSuccess();
        (await Server.Docker("tag", "busybox", repo + ":v1")).EnsureSuccess();
        (await Server.Docker("rmi", repo + ":v1")).EnsureSuccess();
        var until = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString();

        var network = (await Server.Docker("events", "--since", since, "--until", until, "--filter", "type=network", "--filter", "network=" + net,
            "--format", "{{.Type}} {{.Action}} {{.Actor.ID}} {{.Actor.Attributes.name}} {{.Actor.Attributes.type}} {{.Actor.Attributes.container}}")).EnsureSuccess().Stdout;
        Assert.Equal($"network create {netId} {net} bridge <no value>\nnetwork connect {netId} {net} bridge {c}\n" +
            $"network disconnect {netId} {net} bridge {c}\nnetwork destroy {netId} {net} bridge <no value>\n", network);

        // image= names the repository without its tag, as Docker's filter does.
        var image = (await Server.Docker("events", "--since", since, "--until", until, "--filter", "image=" + repo,
            "--format", "{{.Type}} {{.Action}} {{.Actor.Attributes.name}}")).EnsureSuccess().Stdout;
        Assert.Equal($"image tag {repo}:v1\nimage untag {repo}:v1\n", image);
        // An image id is matched whole: its algorithm prefix is not a repository with a tag.
        var byAlgorithm = (await Server.Docker("events", "--since", since, "--until", until, "--filter", "type=image", "--filter", "image=sha256",
            "--format", "{{.Action}}")).EnsureSuccess().Stdout;
        Assert.Equal("", byAlgorithm);
    }
}
