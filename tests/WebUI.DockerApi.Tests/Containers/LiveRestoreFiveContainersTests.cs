using WebUI.DockerApi.Tests.Fixtures;
using WebUI.DockerApi.Tests.Support;

namespace WebUI.DockerApi.Tests.Containers;

/// <summary>The live-restore scenario: five running containers survive a SIGKILLed server with their logs intact.</summary>
public sealed class LiveRestoreFiveContainersTests
{
    [Fact]
    public async Task Five_containers_survive_a_killed_server_with_no_lost_log_line_and_stay_manageable()
    {
        await using var server = await WebUIServer.StartAsync();
        await server.ImportBusyboxAsync();
        async Task<string> Inspect(string id, string format) => (await server.Docker("inspect", "-f", format, id)).EnsureSuccess().Stdout.Trim();

        var always = (await server.Docker("run", "-d", "--restart", "always", "busybox", "sleep", "1000")).EnsureSuccess().Stdout.Trim();
        var writer = (await server.Docker("run", "-d", "busybox", "sh", "-c", "i=0; while true; do i=$((i+1)); echo $i; usleep 10000; done")).EnsureSuccess().Stdout.Trim();
        var plain = (await server.Docker("run", "-d", "busybox", "sleep", "1000")).EnsureSuccess().Stdout.Trim();
        var tty = (await server.Docker("run", "-d", "-t", "busybox", "sh")).EnsureSuccess().Stdout.Trim();
        var health = (await server.Docker("run", "-d", "--health-cmd", "true", "--health-interval", "200ms", "busybox", "sleep", "1000")).EnsureSuccess().Stdout.Trim();
        var ending = (await server.Docker("run", "-d", "busybox", "sh", "-c", "sleep 1; exit 7")).EnsureSuccess().Stdout.Trim();
        string[] running = [always, writer, plain, tty, health];
        var pids = new Dictionary<string, string>();
        foreach (var id in running) pids[id] = await Inspect(id, "{{.State.Pid}}");

        await server.StopProcessAsync(kill: true);
        await Poll.UntilAsync(() => Task.FromResult(File.Exists(Path.Combine(server.ExecRoot, "x", ending))), what: "the exit of the container ending while the server is down");
        // conmon keeps writing the log while the server is down.
        var logPath = Path.Combine(server.DataRoot, "containers", writer, "container.log");
        var linesAtKill = File.ReadAllLines(logPath).Length;
        await Poll.UntilAsync(() => Task.FromResult(File.ReadAllLines(logPath).Length > linesAtKill + 20), what: "log lines written while the server is down");
        var linesWhileDown = File.ReadAllLines(logPath).Length;
        await server.StartProcessAsync();

        foreach (var id in running)
            Assert.Equal("running " + pids[id], await Inspect(id, "{{.State.Status}} {{.State.Pid}}"));
        Assert.Equal("exited 7", await Inspect(ending, "{{.State.Status}} {{.State.ExitCode}}"));
        var ps = (await server.Docker("ps", "-q", "--no-trunc")).EnsureSuccess().Stdout;
        foreach (var id in running) Assert.Contains(id, ps);
        Assert.DoesNotContain(ending, ps);

        // The writer's log has every line, before, during and after the server's absence.
        await Poll.UntilAsync(async () => (await server.Docker("logs", writer)).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > linesWhileDown + 50,
            what: "the writer keeps logging");
        var numbers = (await server.Docker("logs", writer)).EnsureSuccess().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);

        foreach (var id in running) Assert.Equal("ok\n", (await server.Docker("exec", id, "echo", "ok")).EnsureSuccess().Stdout);
        await Poll.UntilAsync(async () => await Inspect(health, "{{.State.Health.Status}}") == "healthy", what: "health checks continue");
        (await server.Docker("stop", "-t", "1", always, plain)).EnsureSuccess();
        Assert.Equal("exited", await Inspect(always, "{{.State.Status}}"));
        Assert.Equal("exited", await Inspect(plain, "{{.State.Status}}"));
        Assert.Equal("0", await Inspect(always, "{{.RestartCount}}"));
    }
}
