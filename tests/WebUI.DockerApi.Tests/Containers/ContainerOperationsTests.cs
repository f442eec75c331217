using System.Text.Json;
using WebUI.DockerApi.Tests.Fixtures;
using WebUI.DockerApi.Tests.Support;

namespace WebUI.DockerApi.Tests.Containers;

/// <summary>stats, top, pause/unpause, rename, prune and system df through the real docker CLI and docker-py.</summary>
public sealed class ContainerOperationsTests(BusyboxServerFixture fixture) : IClassFixture<BusyboxServerFixture>
{
    private WebUIServer Server => fixture.Server;

    private static string Name() => "o" + Guid.NewGuid().ToString("N")[..10];

    private async Task<string> InspectAsync(string id, string format) => (await Server.Docker("inspect", "-f", format, id)).EnsureSuccess().Stdout.Trim();

    [Fact]
    public async Task Stats_no_stream_shows_cpu_memory_and_pids_of_a_busy_container()
    {
        var busy = Name();
        var idle = Name();
        (await Server.Docker("run", "-d", "--name", busy, "busybox", "sh", "-c", "while true; do :; done")).EnsureSuccess();
        (await Server.Docker("run", "-d", "--name", idle, "busybox", "sh", "-c", "sleep 1000 & sleep 1000 & wait")).EnsureSuccess();
        var r = (await Server.Docker("stats", "--no-stream", "--format", "{{.Name}} {{.CPUPerc}} {{.MemUsage}} {{.PIDs}}", busy, idle)).EnsureSuccess();
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToDictionary(l => l.Split(' ')[0]);
        var busyFields = lines[busy].Split(' ');
        Assert.True(double.Parse(busyFields[1].TrimEnd('%')) > 20, r.Stdout);
        Assert.Matches(@"^\d+(\.\d+)?(B|KiB|MiB)$", busyFields[2]);
        Assert.Equal("1", busyFields[^1]);
        var idleFields = lines[idle].Split(' ');
        Assert.True(double.Parse(idleFields[1].TrimEnd('%')) < 5, r.Stdout);
        Assert.Equal("3", idleFields[^1]);

        // Without names: every running container, by id.
        var all = (await Server.Docker("stats", "--no-stream", "--format", "{{.Name}}")).EnsureSuccess().Stdout;
        Assert.Contains(busy, all);
        Assert.Contains(idle, all);
        await Server.Docker("rm", "-f", busy, idle);
    }

    [Fact]
    public async Task Stats_stream_gives_a_sample_a_second_with_precpu_and_one_shot_gives_one()
    {
        var id = (await Server.Docker("run", "-d", "busybox", "sleep", "1000")).EnsureSuccess().Stdout.Trim();
        var code = """
import docker, json
c = docker.DockerClient(base_url='unix://' + SOCK)
ct = c.containers.get(CID)
samples = []
for s in ct.stats(stream=True, decode=True):
    samples.append(s)
    if len(samples) == 3: break
one = ct.stats(stream=False, one_shot=True)
print(json.dumps([samples[1]['precpu_stats'] == samples[0]['cpu_stats'], samples[2]['pids_stats']['current'],
    samples[2]['memory_stats']['usage'] > 0, samples[2]['name'], one['precpu_stats'].get('system_cpu_usage', 0), one['cpu_stats']['system_cpu_usage'] > 0]))
""";
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var r = await Server.PythonAsync($"CID = {JsonSerializer.Serialize(id)}\n{code}");
        Assert.True(r.ExitCode == 0, r.ToString());
        var name = await InspectAsync(id, "{{.Name}}");
        Assert.Equal($"[true, 1, true, \"{name}\", 0, true]", r.Stdout.Trim());
        Assert.InRange(sw.Elapsed.TotalSeconds, 1.9, 30);
        await Server.Docker("rm", "-f", id);
    }

    [Fact]
    public async Task Stats_without_names_follows_containers_started_after_it()
    {
        var before = Name();
        var later = Name();
        (await Server.Docker("run", "-d", "--name", before, "busybox", "sleep", "1000")).EnsureSuccess();
        // docker stats streams until interrupted (as a user's ctrl-c): timeout sends SIGINT after 10 s.
        var stats = ProcessRunner.RunAsync("timeout", ["-s", "INT", "10", "/usr/local/bin/docker", "stats", "--format", "{{.Name}}"],
            new Dictionary<string, string>(Server.ClientEnvironment), timeout: TimeSpan.FromSeconds(40));
        await Task.Delay(TimeSpan.FromSeconds(3));
        (await Server.Docker("run", "-d", "--name", later, "busybox", "sleep", "1000")).EnsureSuccess();
        var r = await stats;
        // The CLI redraws the whole table (cursor home, rows, clear to the end): the container started after it appears in
        // the later frames.
        var frames = r.Stdout.Split("\u001b[H", StringSplitOptions.RemoveEmptyEntries);
        Assert.True(frames.Length >= 5, r.ToString());
        Assert.Contains(before, frames[0]);
        Assert.DoesNotContain(later, frames[0]);
        Assert.Contains(later, frames[^1]);
        Assert.Contains(before, frames[^1]);
        await Server.Docker("rm", "-f", before, later);
    }

    [Fact]
    public async Task Stats_count_network_bytes_per_interface_in_dockers_shape()
    {
        var target = (await Server.Docker("run", "-d", "busybox", "sleep", "1000")).EnsureSuccess().Stdout.Trim();
        var ip = await InspectAsync(target, "{{.NetworkSettings.IPAddress}}");
        (await Server.Docker("run", "--rm", "busybox", "ping", "-c", "5", "-i", "0.2", "-s", "1000", ip)).EnsureSuccess();
        var code = """
import docker, json
c = docker.DockerClient(base_url='unix://' + SOCK)
t = c.containers.get(TARGET).stats(stream=False, one_shot=True)
eth0 = t['networks']['eth0']
print(json.dumps([sorted(t['networks'].keys()), sorted(eth0.keys()), eth0['rx_packets'] >= 5, eth0['rx_bytes'] >= 5000,
    eth0['tx_packets'] >= 5, eth0['tx_bytes'] >= 5000, 'io_service_bytes_recursive' in t['blkio_stats']]))
""";
        var r = await Server.PythonAsync($"TARGET = {JsonSerializer.Serialize(target)}\n{code}");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("""[["eth0"], ["rx_bytes", "rx_dropped", "rx_errors", "rx_packets", "tx_bytes", "tx_dropped", "tx_errors", "tx_packets"], true, true, true, true, true]""",
            r.Stdout.Trim());
        // The CLI's NET I/O column comes from the same counters (5 pings of 1 kB each way).
        var cli = (await Server.Docker("stats", "--no-stream", "--format", "{{.NetIO}}", target)).EnsureSuccess().Stdout.Trim();
        Assert.Matches(@"^\d+(\.\d+)?kB / \d+(\.\d+)?kB$", cli);
        await Server.Docker("rm", "-f", target);
    }

    [Fact]
    public async Task Ps_filters_by_network_published_and_exposed_port()
    {
        var net = "psn" + Guid.NewGuid().ToString("N")[..8];
        var label = "pn" + Guid.NewGuid().ToString("N")[..8];
        var netId = (await Server.Docker("network", "create", net)).EnsureSuccess().Stdout.Trim();
        try
        {
            var web = (await Server.Docker("run", "-d", "--label", label, "--network", net, "-p", "127.0.0.1::80", "--expose", "9000", "busybox", "sleep", "1000")).EnsureSuccess().Stdout.Trim();
            var stopped = (await Server.Docker("create", "--label", label, "--network", net, "busybox", "true")).EnsureSuccess().Stdout.Trim();
            var plain = (await Server.Docker("run", "-d", "--label", label, "busybox", "sleep", "1000")).EnsureSuccess().Stdout.Trim();
            var hostPort = (await Server.Docker("port", web, "80/tcp")).EnsureSuccess().Stdout.Trim().Split(':')[^1];

            async Task<string> Ps(params string[] filters)
            {
                var args = new List<string> { "ps", "-aq", "--no-trunc", "--filter", "label=" + label };
                foreach (var f in filters) args.AddRange(["--filter", f]);
                return string.Join(' ', (await Server.DockerAsync(args)).EnsureSuccess().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
            }
            Assert.Equal(string.Join(' ', new[] { web, stopped }.Order()), await Ps("network=" + net));
            Assert.Equal(string.Join(' ', new[] { web, stopped }.Order()), await Ps("network=" + netId[..12]));
            Assert.Equal(plain, await Ps("network=bridge"));
            Assert.Equal(web, await Ps("publish=" + hostPort));
            Assert.Equal(web, await Ps($"publish={hostPort}/tcp"));
            Assert.Equal("", await Ps($"publish={hostPort}/udp"));
            Assert.Equal(web, await Ps("expose=80"));
            Assert.Equal(web, await Ps("expose=8999-9001/tcp"));
            Assert.Equal("", await Ps("expose=81"));
            Assert.Contains("should not contain ':'", (await Server.Docker("ps", "--filter", "publish=1:2")).Stderr);
            await Server.Docker("rm", "-f", web, stopped, plain);
        }
        finally { await Server.Docker("network", "rm", net); }
    }

    [Fact]
    public async Task Top_lists_only_the_containers_processes_with_ps_args()
    {
        var id = (await Server.Docker("run", "-d", "busybox", "sh", "-c", "sleep 1001 & sleep 1002 & wait")).EnsureSuccess().Stdout.Trim();
        await Poll.UntilAsync(async () => (await Server.Docker("top", id)).Stdout.Contains("sleep 1002"));
        var r = (await Server.Docker("top", id)).EnsureSuccess().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("UID", r[0]);
        Assert.Equal(4, r.Length);
        Assert.Contains(r, l => l.Contains("sleep 1001"));
        var aux = (await Server.Docker("top", id, "aux")).EnsureSuccess().Stdout;
        Assert.Contains("%CPU", aux);
        Assert.Contains("sleep 1002", aux);
        (await Server.Docker("stop", "-t", "0", id)).EnsureSuccess();
        Assert.Contains("is not running", (await Server.Docker("top", id)).Stderr);
        await Server.Docker("rm", id);
    }

    [Fact]
    public async Task Pause_freezes_and_unpause_thaws_and_a_paused_container_can_be_stopped()
    {
        var id = (await Server.Docker("run", "-d", "busybox", "sh", "-c", "i=0; while true; do i=$((i+1)); echo $i > /tmp/n; sleep 0.05; done")).EnsureSuccess().Stdout.Trim();
        (await Server.Docker("pause", id)).EnsureSuccess();
        Assert.Equal("paused true", await InspectAsync(id, "{{.State.Status}} {{.State.Paused}}"));
        Assert.Contains("(Paused)", (await Server.Docker("ps", "--filter", $"id={id}", "--format", "{{.Status}}")).Stdout);
        Assert.Contains("is paused", (await Server.Docker("exec", id, "true")).Stderr);
        Assert.NotEqual(0, (await Server.Docker("pause", id)).ExitCode);
        var freezer = $"/sys/fs/cgroup/freezer/webui/{id}/freezer.state";
        if (File.Exists(freezer)) Assert.Equal("FROZEN", File.ReadAllText(freezer).Trim());
        (await Server.Docker("unpause", id)).EnsureSuccess();
        Assert.Equal("running false", await InspectAsync(id, "{{.State.Status}} {{.State.Paused}}"));
        var n1 = (await Server.Docker("exec", id, "cat", "/tmp/n")).EnsureSuccess().Stdout;
        await Poll.UntilAsync(async () => (await Server.Docker("exec", id, "cat", "/tmp/n")).Stdout != n1, what: "counter moves after unpause");

        (await Server.Docker("pause", id)).EnsureSuccess();
        (await Server.Docker("stop", "-t", "1", id)).EnsureSuccess();
        Assert.Equal("exited false", await InspectAsync(id, "{{.State.Status}} {{.State.Paused}}"));
        await Server.Docker("rm", id);
    }

    [Fact]
    public async Task Rename_moves_the_name_and_refuses_a_taken_one()
    {
        var a = Name();
        var b = Name();
        var id = (await Server.Docker("create", "--name", a, "busybox", "true")).EnsureSuccess().Stdout.Trim();
        (await Server.Docker("create", "--name", b, "busybox", "true")).EnsureSuccess();
        var taken = await Server.Docker("rename", a, b);
        Assert.NotEqual(0, taken.ExitCode);
        Assert.Contains("is already in use", taken.Stderr);
        (await Server.Docker("rename", a, a + "-new")).EnsureSuccess();
        Assert.Equal($"/{a}-new", await InspectAsync(id, "{{.Name}}"));
        Assert.Contains("No such container", (await Server.Docker("container", "inspect", a)).Stderr);
        // The old name is free again.
        (await Server.Docker("create", "--name", a, "busybox", "true")).EnsureSuccess();
        await Server.Docker("rm", a, a + "-new", b);
    }

    [Fact]
    public async Task Ps_s_and_inspect_s_give_the_writable_layer_and_the_virtual_size_with_the_image()
    {
        var id = (await Server.Docker("run", "-d", "busybox", "sh", "-c", "head -c 3000 /dev/zero > /file; sleep 1000")).EnsureSuccess().Stdout.Trim();
        try
        {
            var image = long.Parse(await InspectImageSizeAsync());
            // The writable layer holds the 3000-byte file (and perhaps a directory entry or two); virtual adds the image.
            var sizes = (await Server.Docker("container", "inspect", "-s", "-f", "{{.SizeRw}} {{.SizeRootFs}}", id)).EnsureSuccess().Stdout.Trim().Split(' ');
            var (rw, rootFs) = (long.Parse(sizes[0]), long.Parse(sizes[1]));
            Assert.InRange(rw, 3000, 3000 + 64 * 1024);
            Assert.Equal(rw + image, rootFs);
            var ps = (await Server.Docker("ps", "-s", "--filter", "id=" + id, "--format", "{{.Size}}")).EnsureSuccess().Stdout.Trim();
            Assert.Matches(@"^\d+(\.\d+)?[kM]?B \(virtual \d+(\.\d+)?[kM]B\)$", ps);
            // Without size=1 no size is computed, and the fields are left out as Docker leaves them out.
            using var http = Server.CreateHttpClient();
            using var plain = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync($"containers/{id}/json"));
            Assert.False(plain.RootElement.TryGetProperty("SizeRw", out _));
            Assert.False(plain.RootElement.TryGetProperty("SizeRootFs", out _));
        }
        finally
        {
            await Server.Docker("rm", "-f", id);
        }
    }

    private async Task<string> InspectImageSizeAsync() =>
        (await Server.Docker("image", "inspect", "-f", "{{.Size}}", "busybox")).EnsureSuccess().Stdout.Trim();

    [Fact]
    public async Task Prune_removes_stopped_containers_matching_the_label_filter_and_system_df_counts_them()
    {
        var keep = (await Server.Docker("create", "--label", "prune=keep", "busybox", "true")).EnsureSuccess().Stdout.Trim();
        var go = (await Server.Docker("run", "--label", "prune=go", "busybox", "sh", "-c", "echo data > /file")).EnsureSuccess();
        var goId = (await Server.Docker("ps", "-aq", "--no-trunc", "--filter", "label=prune=go")).EnsureSuccess().Stdout.Trim();
        var running = (await Server.Docker("run", "-d", "--label", "prune=go", "busybox", "sleep", "1000")).EnsureSuccess().Stdout.Trim();

        var df = (await Server.Docker("system", "df", "--format", "{{.Type}} {{.TotalCount}} {{.Active}}")).EnsureSuccess().Stdout;
        Assert.Matches(@"Containers \d+ \d+", df);
        var verbose = (await Server.Docker("system", "df", "-v")).EnsureSuccess().Stdout;
        Assert.Contains(goId[..12], verbose);
        Assert.Contains("busybox", verbose);

        var r = (await Server.Docker("container", "prune", "-f", "--filter", "label=prune=go")).EnsureSuccess().Stdout;
        Assert.Contains(goId, r);
        Assert.DoesNotContain(running, r);
        Assert.Contains("Total reclaimed space:", r);
        Assert.Contains(keep[..12], (await Server.Docker("ps", "-aq")).Stdout);
        Assert.DoesNotContain(goId[..12], (await Server.Docker("ps", "-aq")).Stdout);
        var until = await Server.Docker("container", "prune", "-f", "--filter", "until=1h");
        Assert.Equal(0, until.ExitCode);
        Assert.Contains(keep[..12], (await Server.Docker("ps", "-aq")).Stdout);
        await Server.Docker("rm", "-f", keep, running);
    }
}
