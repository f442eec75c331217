using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Containers;

/// <summary>Containers outlive the server: conmon keeps them, the restarted server re-adopts them.</summary>
public sealed class LiveRestoreTests
{
    [Fact]
    public async Task Containers_keep_running_across_a_server_restart_and_exits_meanwhile_are_recorded()
    {
        await using var server = await WebUIServer.StartAsync();
        await server.ImportBusyboxAsync();
        var running = (await server.Docker("run", "-d", "busybox", "sleep", "100")).EnsureSuccess().Stdout.Trim();
        var ending = (await server.Docker("run", "-d", "busybox", "sh", "-c", "sleep 2; echo done; exit 9")).EnsureSuccess().Stdout.Trim();
        var pid = (await server.Docker("inspect", "-f", "{{.State.Pid}}", running)).EnsureSuccess().Stdout.Trim();

        await server.StopProcessAsync(kill: true);
        await Task.Delay(3000);
        Assert.True(Directory.Exists($"/proc/{pid}"), "the container died with the server");
        await server.StartProcessAsync();

        Assert.Equal("running " + pid, (await server.Docker("inspect", "-f", "{{.State.Status}} {{.State.Pid}}", running)).EnsureSuccess().Stdout.Trim());
        Assert.Equal("exited 9", (await server.Docker("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", ending)).EnsureSuccess().Stdout.Trim());
        Assert.Equal("done\n", (await server.Docker("logs", ending)).Stdout);

        // The adopted container's exit is still noticed.
        var wait = server.Docker("wait", running);
        (await server.Docker("kill", running)).EnsureSuccess();
        Assert.Equal("137", (await wait).Stdout.Trim());
    }
    [Fact]
    public async Task A_container_created_before_a_server_restart_starts_after_it()
    {
        await using var server = await WebUIServer.StartAsync();
        await server.ImportBusyboxAsync();
        var created = (await server.Docker("create", "--network", "none", "busybox", "sh", "-c", "echo up; exit 5")).EnsureSuccess().Stdout.Trim();

        await server.StopProcessAsync(kill: true);
        await server.StartProcessAsync();

        var started = await server.Docker("start", "-a", created);
        Assert.Equal(5, started.ExitCode);
        Assert.Equal("up\n", started.Stdout);
        Assert.Equal("exited 5", (await server.Docker("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", created)).EnsureSuccess().Stdout.Trim());
        // Started once: a second run of the same container works too (its exec fifo was consumed and runc's state replaced).
        Assert.Equal("up\n", (await server.Docker("start", "-a", created)).Stdout);
    }
    [Fact]
    public async Task A_writable_layer_no_container_owns_is_removed_at_the_next_start()
    {
        await using var server = await WebUIServer.StartAsync();
        await server.ImportBusyboxAsync();
        var kept = (await server.Docker("create", "--network", "none", "busybox", "true")).EnsureSuccess().Stdout.Trim();
        var orphan = (await server.Docker("create", "--network", "none", "busybox", "true")).EnsureSuccess().Stdout.Trim();
        var index = Path.Combine(server.DataRoot, "snapshots", "metadata.json");
        Assert.Contains(orphan, await File.ReadAllTextAsync(index));

        // A crash between the snapshot index write and the record's (a create cut short, or a removal's index write
        // after its answer): the layer is in the index, no record owns it.
        await server.StopProcessAsync(kill: true);
        Directory.Delete(Path.Combine(server.DataRoot, "containers", orphan), recursive: true);
        var snapshotDirs = Directory.EnumerateDirectories(Path.Combine(server.DataRoot, "snapshots")).Count();
        await server.StartProcessAsync();

        var text = await File.ReadAllTextAsync(index);
        Assert.DoesNotContain(orphan, text);
        Assert.Contains(kept, text);
        Assert.Equal(snapshotDirs - 1, Directory.EnumerateDirectories(Path.Combine(server.DataRoot, "snapshots")).Count(d => !Path.GetFileName(d).StartsWith("removed-", StringComparison.Ordinal)));
        (await server.Docker("start", kept)).EnsureSuccess();
    }
    [Fact]
    public async Task A_container_whose_writable_layer_a_crash_kept_off_the_index_starts_after_a_restart()
    {
        await using var server = await WebUIServer.StartAsync();
        await server.ImportBusyboxAsync();
        var created = (await server.Docker("create", "--network", "none", "busybox", "sh", "-c", "echo layer > /made; cat /made; exit 3")).EnsureSuccess().Stdout.Trim();
        var index = Path.Combine(server.DataRoot, "snapshots", "metadata.json");

        // The create writes the record, the layer's index entry and the sandbox record side by side: a crash may leave
        // the record durable and the index without its layer.
        await server.StopProcessAsync(kill: true);
        var meta = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(index))!;
        Assert.True(meta["Active"]!.AsObject().Remove(created), "the layer was not in the index");
        await File.WriteAllTextAsync(index, meta.ToJsonString());
        await server.StartProcessAsync();

        Assert.Contains(created, await File.ReadAllTextAsync(index));
        var started = await server.Docker("start", "-a", created);
        Assert.Equal(3, started.ExitCode);
        Assert.Equal("layer\n", started.Stdout);
        Assert.Equal("exited 3", (await server.Docker("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", created)).EnsureSuccess().Stdout.Trim());
    }
    [Fact]
    public async Task A_missing_sandbox_record_is_made_again_and_one_no_container_owns_is_removed_at_the_next_start()
    {
        await using var server = await WebUIServer.StartAsync();
        await server.ImportBusyboxAsync();
        var created = (await server.Docker("create", "--network", "none", "--hostname", "repaired", "busybox", "hostname")).EnsureSuccess().Stdout.Trim();
        var orphan = (await server.Docker("create", "--network", "none", "busybox", "true")).EnsureSuccess().Stdout.Trim();
        var sandboxes = Path.Combine(server.DataRoot, "networks", "containers");
        Assert.True(File.Exists(Path.Combine(sandboxes, orphan + ".json")), "no sandbox record for the second container");

        // A crash before the first container's sandbox record was durable, and one before the second's container record was.
        await server.StopProcessAsync(kill: true);
        File.Delete(Path.Combine(sandboxes, created + ".json"));
        Directory.Delete(Path.Combine(server.DataRoot, "containers", orphan), recursive: true);
        await server.StartProcessAsync();

        Assert.True(File.Exists(Path.Combine(sandboxes, created + ".json")), "the sandbox record was not made again");
        Assert.False(File.Exists(Path.Combine(sandboxes, orphan + ".json")), "the sandbox record nobody owns is still there");
        var started = await server.Docker("start", "-a", created);
        Assert.Equal(0, started.ExitCode);
        Assert.Equal("repaired\n", started.Stdout);
        Assert.Equal("none", (await server.Docker("inspect", "-f", "{{.HostConfig.NetworkMode}}", created)).EnsureSuccess().Stdout.Trim());
        Assert.NotEqual(0, (await server.Docker("inspect", orphan)).ExitCode);
    }

    [Fact]
    public async Task A_sandbox_record_lost_in_a_crash_is_made_again_with_the_creates_alias_and_static_address()
    {
        await using var server = await WebUIServer.StartAsync();
        await server.ImportBusyboxAsync();
        var subnet = server.Subnets.NextSubnet();
        var prefix = subnet[..subnet.LastIndexOf('.')];
        var net = "lr" + Guid.NewGuid().ToString("N")[..8];
        (await server.Docker("network", "create", "--subnet", subnet, net)).EnsureSuccess();
        var created = (await server.Docker("create", "--network", net, "--network-alias", "kept-alias", "--ip", prefix + ".77",
            "busybox", "sh", "-c", "ip -4 -o addr show eth0")).EnsureSuccess().Stdout.Trim();
        var sandboxes = Path.Combine(server.DataRoot, "networks", "containers");

        // A crash before the sandbox record was durable: only the container record holds the endpoint settings now.
        await server.StopProcessAsync(kill: true);
        File.Delete(Path.Combine(sandboxes, created + ".json"));
        await server.StartProcessAsync();

        var started = await server.Docker("start", "-a", created);
        Assert.True(started.ExitCode == 0, started.ToString());
        Assert.Contains($"inet {prefix}.77/24", started.Stdout);
        var aliases = (await server.Docker("inspect", "-f", $"{{{{json .NetworkSettings.Networks.{net}.Aliases}}}}", created)).EnsureSuccess().Stdout;
        Assert.Contains("kept-alias", aliases);
        (await server.Docker("rm", created)).EnsureSuccess();
        (await server.Docker("network", "rm", net)).EnsureSuccess();
    }
}
