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
    public async Task A_passing_check_turns_starting_into_healthy()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeSeconds();
        var id = (await Server.Docker("run", "-d", "--health-cmd", "test -f /tmp/ready && echo fine", "--health-interval", "200ms",
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
        Assert.Equal("1 bad\n", await InspectAsync(id, "{{(index .State.Health.Log 0).ExitCode}} {{(index .State.Health.Log 0).Output}}"));
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
}
