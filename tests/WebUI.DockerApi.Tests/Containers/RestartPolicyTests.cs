using WebUI.DockerApi.Tests.Fixtures;
using WebUI.DockerApi.Tests.Support;

namespace WebUI.DockerApi.Tests.Containers;

/// <summary>Restart policies with Docker's semantics on a live server.</summary>
public sealed class RestartPolicyTests(BusyboxServerFixture fixture) : IClassFixture<BusyboxServerFixture>
{
    private WebUIServer Server => fixture.Server;

    private async Task<string> InspectAsync(string id, string format) => (await Server.Docker("inspect", "-f", format, id)).EnsureSuccess().Stdout.Trim();

    [Fact]
    public async Task On_failure_restarts_up_to_the_retry_limit_with_a_backoff_doubling_from_100_ms()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeSeconds();
        var id = (await Server.Docker("run", "-d", "--restart", "on-failure:5", "busybox", "sh", "-c", "exit 3")).EnsureSuccess().Stdout.Trim();
        await Poll.UntilAsync(async () => await InspectAsync(id, "{{.RestartCount}} {{.State.Status}}") == "5 exited", what: "five restarts, then exited");
        Assert.Equal("3 false", await InspectAsync(id, "{{.State.ExitCode}} {{.State.Restarting}}"));

        var until = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds();
        var starts = (await Server.Docker("events", "--since", since.ToString(), "--until", until.ToString(),
            "--filter", $"container={id}", "--filter", "event=start", "--format", "{{.TimeNano}}")).EnsureSuccess()
            .Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();
        Assert.Equal(6, starts.Count);
        // Each gap is the backoff (100, 200, 400, 800, 1600 ms) plus the time a start takes.
        var gaps = starts.Zip(starts.Skip(1), (a, b) => (b - a) / 1_000_000.0).ToList();
        var shown = string.Join(", ", gaps.Select(g => g.ToString("0")));
        Assert.True(gaps[0] >= 100, shown);
        // Starts take a few hundred ms on a loaded machine: compare the ends of the series (expected difference 1.5 s).
        Assert.True(gaps[4] - gaps[0] > 1000 && gaps[4] > gaps[2] && gaps[3] > gaps[1], "backoff does not double: " + shown);
        await Server.Docker("rm", id);
    }

    [Fact]
    public async Task On_failure_does_not_restart_a_clean_exit_and_no_never_restarts()
    {
        var clean = (await Server.Docker("run", "-d", "--restart", "on-failure", "busybox", "true")).EnsureSuccess().Stdout.Trim();
        var none = (await Server.Docker("run", "-d", "busybox", "false")).EnsureSuccess().Stdout.Trim();
        Assert.Equal("0", (await Server.Docker("wait", clean)).Stdout.Trim());
        Assert.Equal("1", (await Server.Docker("wait", none)).Stdout.Trim());
        await Task.Delay(400);
        Assert.Equal("exited 0", await InspectAsync(clean, "{{.State.Status}} {{.RestartCount}}"));
        Assert.Equal("exited 0", await InspectAsync(none, "{{.State.Status}} {{.RestartCount}}"));
        await Server.Docker("rm", clean, none);
    }

    [Fact]
    public async Task Always_restarts_until_stopped_by_hand()
    {
        var id = (await Server.Docker("run", "-d", "--restart", "always", "busybox", "sh", "-c", "sleep 0.1")).EnsureSuccess().Stdout.Trim();
        await Poll.UntilAsync(async () => int.Parse(await InspectAsync(id, "{{.RestartCount}}")) >= 2, what: "two restarts");
        (await Server.Docker("stop", "-t", "1", id)).EnsureSuccess();
        Assert.Equal("exited", await InspectAsync(id, "{{.State.Status}}"));
        var count = await InspectAsync(id, "{{.RestartCount}}");
        await Task.Delay(500);
        Assert.Equal("exited " + count, await InspectAsync(id, "{{.State.Status}} {{.RestartCount}}"));
        (await Server.Docker("start", id)).EnsureSuccess();
        await Poll.UntilAsync(async () => int.Parse(await InspectAsync(id, "{{.RestartCount}}")) > int.Parse(count), what: "restarts after a manual start");
        (await Server.Docker("rm", "-f", id)).EnsureSuccess();
    }

    [Fact]
    public async Task Restart_policy_with_rm_is_refused()
    {
        var r = await Server.Docker("create", "--rm", "--restart", "always", "busybox", "true");
        Assert.NotEqual(0, r.ExitCode);
    }

    [Fact]
    public async Task Update_sets_the_restart_policy_of_a_running_container_and_refuses_one_for_rm()
    {
        var id = (await Server.Docker("run", "-d", "busybox", "sh", "-c", "sleep 1; exit 3")).EnsureSuccess().Stdout.Trim();
        (await Server.Docker("update", "--restart", "on-failure:2", id)).EnsureSuccess();
        Assert.Equal("on-failure 2", await InspectAsync(id, "{{.HostConfig.RestartPolicy.Name}} {{.HostConfig.RestartPolicy.MaximumRetryCount}}"));
        await Poll.UntilAsync(async () => await InspectAsync(id, "{{.RestartCount}} {{.State.Status}}") == "2 exited", what: "two restarts, then exited");
        await Server.Docker("rm", "-f", id);

        var rm = (await Server.Docker("run", "-d", "--rm", "busybox", "sleep", "1000")).EnsureSuccess().Stdout.Trim();
        var refused = await Server.Docker("update", "--restart", "always", rm);
        Assert.Contains("Restart policy cannot be updated because AutoRemove is enabled for the container", refused.Stderr);
        Assert.Equal("no", await InspectAsync(rm, "{{.HostConfig.RestartPolicy.Name}}"));
        await Server.Docker("rm", "-f", rm);
    }
}
