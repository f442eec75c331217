using WebUI.DockerApi.Tests.Fixtures;
using WebUI.DockerApi.Tests.Support;

namespace WebUI.DockerApi.Tests.Containers;

/// <summary>What restart policies and --rm do when the server itself restarts.</summary>
public sealed class RestartAcrossServerRestartTests
{
    [Fact]
    public async Task Always_comes_back_unless_stopped_stays_stopped_and_rm_is_honoured()
    {
        await using var server = await WebUIServer.StartAsync();
        await server.ImportBusyboxAsync();
        async Task<string> Inspect(string id, string format) => (await server.Docker("inspect", "-f", format, id)).EnsureSuccess().Stdout.Trim();

        var always = (await server.Docker("run", "-d", "--restart", "always", "busybox", "sleep", "1000")).EnsureSuccess().Stdout.Trim();
        var unless = (await server.Docker("run", "-d", "--restart", "unless-stopped", "busybox", "sleep", "1000")).EnsureSuccess().Stdout.Trim();
        var unlessRunning = (await server.Docker("run", "-d", "--restart", "unless-stopped", "busybox", "sleep", "1000")).EnsureSuccess().Stdout.Trim();
        var removed = (await server.Docker("run", "-d", "--rm", "busybox", "sh", "-c", "sleep 1")).EnsureSuccess().Stdout.Trim();
        (await server.Docker("stop", "-t", "0", always, unless)).EnsureSuccess();

        await server.StopProcessAsync(kill: true);
        // The --rm container ends while the server is down.
        await Poll.UntilAsync(() => Task.FromResult(Directory.EnumerateFiles(Path.Combine(server.ExecRoot, "x")).Any(f => Path.GetFileName(f) == removed)), what: "exit file of the --rm container");
        await server.StartProcessAsync();

        Assert.Equal("running", await Inspect(always, "{{.State.Status}}"));
        Assert.Equal("exited", await Inspect(unless, "{{.State.Status}}"));
        Assert.Equal("running", await Inspect(unlessRunning, "{{.State.Status}}"));
        Assert.Contains("No such container", (await server.Docker("inspect", removed)).Stderr);
    }
}
