using System.Net;
using System.Text.Json;
using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Build;

/// <summary>docker build options through the real CLI: build args, --target, -f, labels, -q, --cache-from, ADD of a URL, cancellation.</summary>
public sealed class BuildOptionsCliTests(BusyboxServerFixture fixture) : IClassFixture<BusyboxServerFixture>
{
    private WebUIServer Server => fixture.Server;

    private static string Tag() => "o" + Guid.NewGuid().ToString("N")[..10] + ":v1";

    private Task<CommandResult> BuildAsync(string dir, params string[] extra) =>
        Server.DockerAsync(["build", .. extra, dir], timeout: TimeSpan.FromSeconds(120));

    private async Task<JsonElement> ConfigAsync(string image) =>
        JsonDocument.Parse((await Server.Docker("image", "inspect", "-f", "{{json .Config}}", image)).EnsureSuccess().Stdout).RootElement;

    [Fact]
    public async Task Build_args_target_and_a_dockerfile_in_a_subdirectory()
    {
        var dir = BuildContextDir.Create(Server.Root,
            ("docker/Dockerfile.dev", """
                ARG BASE=busybox
                FROM ${BASE} AS first
                ARG WHO=nobody
                RUN echo "built for $WHO" > /who.txt
                FROM first AS second
                RUN echo never > /never.txt
                """));
        var tag = Tag();
        var r = await BuildAsync(dir, "-f", Path.Combine(dir, "docker/Dockerfile.dev"), "--build-arg", "WHO=alice", "--target", "first", "-t", tag);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("Step 3/3 : RUN echo \"built for $WHO\" > /who.txt", r.Stdout);
        Assert.DoesNotContain("never", r.Stdout);
        Assert.Equal("built for alice\n", (await Server.Docker("run", "--rm", tag, "cat", "/who.txt")).Stdout);
        var history = (await Server.Docker("history", "--no-trunc", "--format", "{{.CreatedBy}}", tag)).Stdout;
        Assert.Contains("|1 WHO=alice /bin/sh -c echo \"built for $WHO\" > /who.txt", history);
        // Build args reach RUN only: they are not stored in the image's Env.
        var config = await ConfigAsync(tag);
        Assert.False(config.TryGetProperty("Env", out var env) && env.ValueKind == JsonValueKind.Array && env.EnumerateArray().Any(e => e.GetString()!.StartsWith("WHO=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Config_instructions_and_labels_shape_the_image_config()
    {
        var dir = BuildContextDir.Create(Server.Root,
            ("Dockerfile", """
                FROM busybox
                SHELL ["/bin/sh", "-ec"]
                ENTRYPOINT ["/bin/echo"]
                CMD ["default-arg"]
                VOLUME /data
                STOPSIGNAL SIGINT
                HEALTHCHECK --interval=5s --retries=2 CMD true
                ONBUILD RUN echo triggered
                """));
        var tag = Tag();
        var r = await BuildAsync(dir, "--label", "team=core", "-t", tag);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("Step 9/9 : LABEL", r.Stdout);
        var config = await ConfigAsync(tag);
        Assert.Equal(["/bin/sh", "-ec"], config.GetProperty("Shell").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["/bin/echo"], config.GetProperty("Entrypoint").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["default-arg"], config.GetProperty("Cmd").EnumerateArray().Select(e => e.GetString()));
        Assert.True(config.GetProperty("Volumes").TryGetProperty("/data", out _));
        Assert.Equal("SIGINT", config.GetProperty("StopSignal").GetString());
        Assert.Equal(["CMD-SHELL", "true"], config.GetProperty("Healthcheck").GetProperty("Test").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(5_000_000_000, config.GetProperty("Healthcheck").GetProperty("Interval").GetInt64());
        Assert.Equal(["RUN echo triggered"], config.GetProperty("OnBuild").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("core", config.GetProperty("Labels").GetProperty("team").GetString());
        Assert.Equal("default-arg\n", (await Server.Docker("run", "--rm", tag)).Stdout);

        // A child build runs the trigger and does not inherit it.
        var child = BuildContextDir.Create(Server.Root, ("Dockerfile", $"FROM {tag}\nENV CHILD=1\n"));
        var childTag = Tag();
        var c = await BuildAsync(child, "-t", childTag);
        Assert.True(c.ExitCode == 0, c.ToString());
        Assert.Contains("# Executing 1 build trigger", c.Stdout);
        Assert.Contains("triggered", c.Stdout);
        Assert.False((await ConfigAsync(childTag)).TryGetProperty("OnBuild", out var onbuild) && onbuild.ValueKind == JsonValueKind.Array && onbuild.GetArrayLength() > 0);
    }

    [Fact]
    public async Task Quiet_prints_only_the_image_id()
    {
        var dir = BuildContextDir.Create(Server.Root, ("Dockerfile", "FROM busybox\nRUN echo noisy\n"));
        var r = await BuildAsync(dir, "-q");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Matches("^sha256:[0-9a-f]{64}\n$", r.Stdout);
    }

    [Fact]
    public async Task Cache_from_limits_the_cache_to_the_named_images()
    {
        var dockerfile = $"FROM busybox\nENV ID={Guid.NewGuid():N}\nRUN echo step\n";
        var first = Tag();
        Assert.Equal(0, (await BuildAsync(BuildContextDir.Create(Server.Root, ("Dockerfile", dockerfile)), "-t", first)).ExitCode);

        var from = await BuildAsync(BuildContextDir.Create(Server.Root, ("Dockerfile", dockerfile)), "--cache-from", first);
        Assert.True(from.ExitCode == 0, from.ToString());
        Assert.Equal(2, from.Stdout.Split(" ---> Using cache").Length - 1);

        var other = await BuildAsync(BuildContextDir.Create(Server.Root, ("Dockerfile", dockerfile)), "--cache-from", "busybox");
        Assert.True(other.ExitCode == 0, other.ToString());
        Assert.DoesNotContain("Using cache", other.Stdout);
    }

    [Fact]
    public async Task Add_of_a_url_fetches_it_and_a_failed_fetch_fails_the_build()
    {
        using var listener = new HttpListener();
        var port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serving = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext ctx;
                try { ctx = await listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                if (ctx.Request.Url!.AbsolutePath == "/files/data.txt")
                {
                    var body = "served over http\n"u8.ToArray();
                    ctx.Response.ContentLength64 = body.Length;
                    await ctx.Response.OutputStream.WriteAsync(body);
                }
                else ctx.Response.StatusCode = 404;
                ctx.Response.Close();
            }
        });

        var tag = Tag();
        var ok = await BuildAsync(BuildContextDir.Create(Server.Root, ("Dockerfile", $"FROM busybox\nADD http://127.0.0.1:{port}/files/data.txt /data/\n")), "-t", tag);
        Assert.True(ok.ExitCode == 0, ok.ToString());
        Assert.Equal("served over http\n600\n", (await Server.Docker("run", "--rm", tag, "sh", "-c", "cat /data/data.txt; stat -c %a /data/data.txt")).Stdout);

        var missing = await BuildAsync(BuildContextDir.Create(Server.Root, ("Dockerfile", $"FROM busybox\nADD http://127.0.0.1:{port}/nope /x\n")));
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("404", missing.Stderr);
        listener.Stop();
        await serving;
    }

    [Fact]
    public async Task A_cancelled_build_stops_and_removes_its_container()
    {
        var dir = BuildContextDir.Create(Server.Root, ("Dockerfile", $"FROM busybox\nRUN echo started-{Guid.NewGuid():N}; sleep 60\n"));
        var tag = Tag();
        await Assert.ThrowsAsync<TimeoutException>(() => Server.DockerAsync(["build", "-t", tag, dir], timeout: TimeSpan.FromSeconds(4)));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string left;
        do
        {
            left = (await Server.Docker("ps", "-aq")).Stdout.Trim();
            if (left.Length == 0) break;
            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Equal("", left);
        Assert.NotEqual(0, (await Server.Docker("image", "inspect", tag)).ExitCode);
    }

    [Fact]
    public async Task Copy_through_a_symlink_of_the_image_stays_inside_the_image()
    {
        var hostDir = Path.Combine(Server.Root, "host-" + Guid.NewGuid().ToString("N")[..6]);
        var dir = BuildContextDir.Create(Server.Root,
            ("Dockerfile", $"FROM busybox\nRUN mkdir /real && ln -s /real /link && ln -s ../../../../../..{hostDir} /escape\nCOPY f.txt /link/\nCOPY f.txt /escape/\n"),
            ("f.txt", "payload\n"));
        var tag = Tag();
        var r = await BuildAsync(dir, "-t", tag);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.False(Directory.Exists(hostDir));
        var run = await Server.Docker("run", "--rm", tag, "sh", "-c", $"cat /real/f.txt; test -L /link && echo link-kept; cat {hostDir}/f.txt");
        Assert.Equal($"payload\nlink-kept\npayload\n", run.Stdout);
    }

    [Fact]
    public async Task Build_endpoint_streams_aux_id_and_error_lines_and_rejects_bad_options_up_front()
    {
        using var http = Server.CreateHttpClient();
        static byte[] Context(string dockerfile)
        {
            using var ms = new MemoryStream();
            using (var tar = new System.Formats.Tar.TarWriter(ms, leaveOpen: true))
            {
                var entry = new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, "Dockerfile")
                {
                    DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(dockerfile)),
                };
                tar.WriteEntry(entry);
            }
            return ms.ToArray();
        }
        async Task<(int Status, string Body)> PostAsync(string query, byte[] body)
        {
            // A chunked body, as the CLI sends it.
            using var content = new StreamContent(new MemoryStream(body));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-tar");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1.44/build" + query) { Content = content };
            request.Headers.TransferEncodingChunked = true;
            using var response = await http.SendAsync(request);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var ok = await PostAsync("?t=api-built:1", Context("FROM busybox\nRUN echo from-api\n"));
        Assert.True(ok.Status == 200, ok.Body);
        var lines = ok.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(lines, l => l.TryGetProperty("stream", out var s) && s.GetString() == "from-api\n");
        var aux = Assert.Single(lines, l => l.TryGetProperty("aux", out _)).GetProperty("aux").GetProperty("ID").GetString()!;
        Assert.Matches("^sha256:[0-9a-f]{64}$", aux);
        Assert.Equal("Successfully tagged api-built:1\n", lines[^1].GetProperty("stream").GetString());

        var failed = await PostAsync("", Context("FROM busybox\nRUN exit 3\n"));
        var last = JsonDocument.Parse(failed.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]).RootElement;
        Assert.Equal("The command '/bin/sh -c exit 3' returned a non-zero code: 3", last.GetProperty("errorDetail").GetProperty("message").GetString());
        Assert.Equal("The command '/bin/sh -c exit 3' returned a non-zero code: 3", last.GetProperty("error").GetString());

        var badArgs = await PostAsync("?buildargs=%7Bnot-json", Context("FROM busybox\n"));
        Assert.Equal(400, badArgs.Status);
        Assert.Contains("invalid buildargs", badArgs.Body);
        var badTag = await PostAsync("?t=Bad%20Name", Context("FROM busybox\n"));
        Assert.Equal(400, badTag.Status);
        var noDockerfile = await PostAsync("?dockerfile=missing/Dockerfile", Context("FROM busybox\n"));
        Assert.Equal(400, noDockerfile.Status);
        Assert.Contains("Cannot locate specified Dockerfile", noDockerfile.Body);
    }

    private static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
