using System.Text.Json;
using WebUI.DockerApi.Tests.Fixtures;
using WebUI.DockerApi.Tests.Support;

namespace WebUI.DockerApi.Tests.Health;

/// <summary>--health-* options: probes run in the container, State.Health, docker ps and health_status events.</summary>
public sealed class HealthCheckTests(BusyboxServerFixture fixture) : IClassFixture<BusyboxServerFixture>
{
    private WebUIServer Server => fixture.Server;

    private async Task<string> InspectAsync(string id, string format) => (await Server.Docker("inspect", "-f", format, id)).EnsureSuccess().Stdout.Trim();

    [Fact]
    public async Task Failures_in_the_start_period_do_not_count_and_a_passing_check_makes_it_healthy()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeSeconds();
        var id = (await Server.Docker("run", "-d", "--health-cmd", "test -f /tmp/ready && echo fine", "--health-interval", "200ms",
            "--health-start-period", "30s", "--health-start-interval", "200ms", "--health-retries", "1",
            "busybox", "sh", "-c", "sleep 1; touch /tmp/ready; sleep 1000")).EnsureSuccess().Stdout.Trim();
        Assert.Equal("starting", await InspectAsync(id, "{{.State.Health.Status}}"));
        Assert.Contains("(health: starting)", (await Server.Docker("ps", "--filter", $"id={id}", "--format", "{{.Status}}")).Stdout);
        await Poll.UntilAsync(async () => await InspectAsync(id, "{{.State.Health.Status}}") == "healthy", what: "healthy");
        Assert.Contains("(healthy)", (await Server.Docker("ps", "--filter", $"id={id}", "--format", "{{.Status}}")).Stdout);
        using var doc = JsonDocument.Parse(await InspectAsync(id, "{{json .State.Health}}"));
        var log = doc.RootElement.GetProperty("Log");
        Assert.InRange(log.GetArrayLength(), 1, 5);
        Assert.Equal(0, log[log.GetArrayLength() - 1].GetProperty("ExitCode").GetInt32());
        Assert.Equal("fine\n", log[log.GetArrayLength() - 1].GetProperty("Output").GetString());
        Assert.Equal(0, doc.RootElement.GetProperty("FailingStreak").GetInt32());
        var events = (await Server.Docker("events", "--since", since.ToString(), "--until", DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString(),
            "--filter", $"container={id}", "--filter", "event=health_status", "--format", "{{.Action}}")).EnsureSuccess().Stdout;
        Assert.Equal("health_status: healthy\n", events);
        await Server.Docker("rm", "-f", id);
    }

    [Fact]
    public async Task A_failing_check_makes_the_container_unhealthy_after_the_retries_and_keeps_five_log_entries()
    {
        var id = (await Server.Docker("run", "-d", "--health-cmd", "echo bad; exit 1", "--health-interval", "100ms", "--health-retries", "3",
            "busybox", "sleep", "1000")).EnsureSuccess().Stdout.Trim();
        await Poll.UntilAsync(async () => await InspectAsync(id, "{{.State.Health.Status}}") == "unhealthy", what: "unhealthy");
        Assert.True(int.Parse(await InspectAsync(id, "{{.State.Health.FailingStreak}}")) >= 3);
        Assert.Contains("(unhealthy)", (await Server.Docker("ps", "--filter", $"id={id}", "--format", "{{.Status}}")).Stdout);
        await Poll.UntilAsync(async () => int.Parse(await InspectAsync(id, "{{len .State.Health.Log}}")) == 5, what: "five log entries");
        await Task.Delay(300);
        Assert.Equal("5", await InspectAsync(id, "{{len .State.Health.Log}}"));
        Assert.Equal("1 bad", await InspectAsync(id, "{{(index .State.Health.Log 0).ExitCode}} {{(index .State.Health.Log 0).Output}}"));
        await Server.Docker("rm", "-f", id);
    }

    [Fact]
    public async Task A_probe_exceeding_its_timeout_fails_and_no_healthcheck_has_no_health()
    {
        var slow = (await Server.Docker("run", "-d", "--health-cmd", "sleep 5", "--health-interval", "100ms", "--health-timeout", "200ms", "--health-retries", "1",
            "busybox", "sleep", "1000")).EnsureSuccess().Stdout.Trim();
        var none = (await Server.Docker("run", "-d", "--no-healthcheck", "busybox", "sleep", "1000")).EnsureSuccess().Stdout.Trim();
        await Poll.UntilAsync(async () => await InspectAsync(slow, "{{.State.Health.Status}}") == "unhealthy", what: "unhealthy by timeout");
        Assert.Equal("-1", await InspectAsync(slow, "{{(index .State.Health.Log 0).ExitCode}}"));
        Assert.Equal("false", await InspectAsync(none, "{{if .State.Health}}true{{else}}false{{end}}"));
        Assert.DoesNotContain("health", (await Server.Docker("ps", "--filter", $"id={none}", "--format", "{{.Status}}")).Stdout);
        await Server.Docker("rm", "-f", slow, none);
    }

    [Fact]
    public async Task Ps_filters_by_health_status_and_refuses_an_unknown_one()
    {
        var label = "hf" + Guid.NewGuid().ToString("N")[..8];
        var healthy = (await Server.Docker("run", "-d", "--label", label, "--health-cmd", "true", "--health-interval", "200ms", "busybox", "sleep", "1000")).EnsureSuccess().Stdout.Trim();
        var unhealthy = (await Server.Docker("run", "-d", "--label", label, "--health-cmd", "false", "--health-interval", "200ms", "--health-retries", "1", "busybox", "sleep", "1000")).EnsureSuccess().Stdout.Trim();
        var none = (await Server.Docker("run", "-d", "--label", label, "busybox", "sleep", "1000")).EnsureSuccess().Stdout.Trim();
        await Poll.UntilAsync(async () => await InspectAsync(healthy, "{{.State.Health.Status}}") == "healthy" && await InspectAsync(unhealthy, "{{.State.Health.Status}}") == "unhealthy", what: "both checks decided");

        async Task<string> Ps(params string[] health)
        {
            var args = new List<string> { "ps", "-q", "--no-trunc", "--filter", "label=" + label };
            foreach (var h in health) args.AddRange(["--filter", "health=" + h]);
            return string.Join(' ', (await Server.DockerAsync(args)).EnsureSuccess().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
        }
        Assert.Equal(healthy, await Ps("healthy"));
        Assert.Equal(unhealthy, await Ps("unhealthy"));
        Assert.Equal(none, await Ps("none"));
        Assert.Equal("", await Ps("starting"));
        Assert.Equal(string.Join(' ', new[] { healthy, none }.Order()), await Ps("healthy", "none"));
        Assert.Contains("Unrecognised filter value for health: fine", (await Server.Docker("ps", "--filter", "health=fine")).Stderr);
        await Server.Docker("rm", "-f", healthy, unhealthy, none);
    }
}
