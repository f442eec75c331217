using System.Text.Json;
using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Build;

/// <summary>The real docker CLI (legacy builder, POST /build) against a live server with busybox.</summary>
public sealed class BuildCliTests(BusyboxServerFixture fixture) : IClassFixture<BusyboxServerFixture>
{
    private WebUIServer Server => fixture.Server;

    private static string Tag() => "b" + Guid.NewGuid().ToString("N")[..10] + ":v1";

    private Task<CommandResult> BuildAsync(string dir, params string[] extra) =>
        Server.DockerAsync(["build", .. extra, dir], timeout: TimeSpan.FromSeconds(120));

    private async Task<JsonElement> ConfigAsync(string image)
    {
        var r = (await Server.Docker("image", "inspect", "-f", "{{json .Config}}", image)).EnsureSuccess();
        return JsonDocument.Parse(r.Stdout).RootElement;
    }

    [Fact]
    public async Task Multi_stage_build_runs_and_has_the_config_docker_gives()
    {
        var dir = BuildContextDir.Create(Server.Root,
            ("Dockerfile", """
                FROM busybox AS gen
                RUN mkdir /out && echo generated > /out/data.txt
                FROM busybox
                ENV GREETING=hello MODE=test
                WORKDIR /app
                COPY --from=gen /out/data.txt ./
                COPY run.sh /app/run.sh
                LABEL org.example.tier=demo
                EXPOSE 8080 53/udp
                USER 1000:1000
                CMD ["sh", "/app/run.sh"]
                """),
            ("run.sh", "echo \"$GREETING from $(pwd) as $(id -u)\"; cat data.txt\n"));
        var tag = Tag();
        var build = await BuildAsync(dir, "-t", tag);
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("Step 1/11 : FROM busybox AS gen", build.Stdout);
        Assert.Contains("Step 2/11 : RUN mkdir /out && echo generated > /out/data.txt", build.Stdout);
        Assert.Matches(@" ---> Running in [0-9a-f]{12}\n", build.Stdout);
        Assert.Matches(@"Successfully built [0-9a-f]{12}\n", build.Stdout);
        Assert.Contains($"Successfully tagged {tag}", build.Stdout);

        var run = await Server.Docker("run", "--rm", tag);
        Assert.Equal((0, "hello from /app as 1000\ngenerated\n"), (run.ExitCode, run.Stdout));

        var config = await ConfigAsync(tag);
        Assert.Equal(["sh", "/app/run.sh"], config.GetProperty("Cmd").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("GREETING=hello", config.GetProperty("Env").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("MODE=test", config.GetProperty("Env").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("/app", config.GetProperty("WorkingDir").GetString());
        Assert.Equal("1000:1000", config.GetProperty("User").GetString());
        Assert.Equal("demo", config.GetProperty("Labels").GetProperty("org.example.tier").GetString());
        Assert.Equal(["53/udp", "8080/tcp"], config.GetProperty("ExposedPorts").EnumerateObject().Select(p => p.Name).Order());

        var ps = await Server.Docker("ps", "-aq");
        Assert.Equal("", ps.Stdout.Trim());
    }

    [Fact]
    public async Task Rebuild_unchanged_uses_the_cache_and_an_edited_file_reruns_from_its_copy()
    {
        var dir = BuildContextDir.Create(Server.Root,
            ("Dockerfile", """
                FROM busybox
                ENV A=1
                RUN echo first > /first.txt
                COPY a.txt /a.txt
                RUN cat /a.txt > /copy.txt
                CMD ["cat", "/copy.txt"]
                """),
            ("a.txt", "one\n"));
        var tag = Tag();
        var cold = await BuildAsync(dir, "-t", tag);
        Assert.True(cold.ExitCode == 0, cold.ToString());
        Assert.DoesNotContain("Using cache", cold.Stdout);

        var warm = await BuildAsync(dir, "-t", tag);
        Assert.True(warm.ExitCode == 0, warm.ToString());
        Assert.Equal(5, Count(warm.Stdout, " ---> Using cache\n"));
        Assert.DoesNotContain("Running in", warm.Stdout);
        Assert.Equal(LastId(cold.Stdout), LastId(warm.Stdout));

        File.WriteAllText(Path.Combine(dir, "a.txt"), "two\n");
        var edited = await BuildAsync(dir, "-t", tag);
        Assert.True(edited.ExitCode == 0, edited.ToString());
        var steps = StepBlocks(edited.Stdout);
        Assert.Contains("Using cache", steps[1]);
        Assert.Contains("Using cache", steps[2]);
        Assert.DoesNotContain("Using cache", steps[3]);
        Assert.DoesNotContain("Using cache", steps[4]);
        Assert.Contains("Running in", steps[4]);
        Assert.Equal("two\n", (await Server.Docker("run", "--rm", tag)).Stdout);

        var nocache = await BuildAsync(dir, "--no-cache", "-t", tag);
        Assert.True(nocache.ExitCode == 0, nocache.ToString());
        Assert.DoesNotContain("Using cache", nocache.Stdout);
    }

    [Fact]
    public async Task Dockerignore_excludes_files_and_add_extracts_a_local_tar_gz()
    {
        var dir = BuildContextDir.Create(Server.Root,
            ("Dockerfile", """
                FROM busybox
                COPY . /ctx/
                ADD bundle.tar.gz /opt/
                RUN ls /ctx | sort > /ctx.list && cat /opt/bundle/inner.txt
                """),
            (".dockerignore", "secret.txt\nlogs/\n!logs/keep.log\n"),
            ("kept.txt", "k"), ("secret.txt", "s"), ("logs/drop.log", "d"), ("logs/keep.log", "k"));
        var staging = Path.Combine(Server.Root, "stage-" + Guid.NewGuid().ToString("N")[..6]);
        BuildContextDir.Write(staging, "bundle/inner.txt", "from the archive\n");
        var tar = await ProcessRunner.RunAsync("tar", ["-czf", Path.Combine(dir, "bundle.tar.gz"), "-C", staging, "bundle"], new Dictionary<string, string>());
        tar.EnsureSuccess();

        var tag = Tag();
        var build = await BuildAsync(dir, "-t", tag);
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("from the archive", build.Stdout);
        var listing = (await Server.Docker("run", "--rm", tag, "sh", "-c", "cat /ctx.list; ls /ctx/logs; test -e /ctx/bundle.tar.gz && echo archive-copied")).EnsureSuccess().Stdout;
        Assert.Contains("kept.txt", listing);
        Assert.DoesNotContain("secret.txt", listing);
        Assert.Contains("keep.log", listing);
        Assert.DoesNotContain("drop.log", listing);
    }

    [Fact]
    public async Task User_and_workdir_apply_to_run_and_to_the_image()
    {
        var dir = BuildContextDir.Create(Server.Root,
            ("Dockerfile", """
                FROM busybox
                WORKDIR /work/sub
                USER 1234
                RUN echo "uid=$(id -u) pwd=$(pwd)"; echo made > /tmp/by-user && stat -c %u /tmp/by-user
                """));
        var tag = Tag();
        var build = await BuildAsync(dir, "-t", tag);
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("uid=1234 pwd=/work/sub", build.Stdout);
        Assert.Contains("\n1234\n", build.Stdout);
        var run = await Server.Docker("run", "--rm", tag, "sh", "-c", "id -u; pwd; cat /tmp/by-user");
        Assert.Equal("1234\n/work/sub\nmade\n", run.Stdout);
    }

    [Fact]
    public async Task Symlinks_and_dotdot_cannot_read_outside_the_context()
    {
        var outside = Path.Combine(Server.Root, "outside-" + Guid.NewGuid().ToString("N")[..6] + ".txt");
        File.WriteAllText(outside, "TOP-SECRET");
        var dir = BuildContextDir.Create(Server.Root,
            ("Dockerfile", "FROM busybox\nCOPY link.txt /link.txt\nRUN cat /link.txt || true\n"));
        File.CreateSymbolicLink(Path.Combine(dir, "link.txt"), outside);
        var build = await BuildAsync(dir);
        Assert.DoesNotContain("TOP-SECRET", build.Stdout + build.Stderr);

        var dotdot = BuildContextDir.Create(Server.Root, ("Dockerfile", $"FROM busybox\nCOPY ../{Path.GetFileName(outside)} /x\n"));
        var r = await BuildAsync(dotdot);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("forbidden path outside the build context", r.Stderr);
    }

    [Fact]
    public async Task Failing_run_reports_step_command_and_code_and_leaves_nothing()
    {
        var before = (await Server.Docker("images", "-aq", "--no-trunc")).EnsureSuccess().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var dir = BuildContextDir.Create(Server.Root, ("Dockerfile", "FROM busybox\nENV X=" + Guid.NewGuid().ToString("N") + "\nRUN false\nCMD [\"sh\"]\n"));
        var tag = Tag();
        var r = await BuildAsync(dir, "-t", tag);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Step 3/4 : RUN false", r.Stdout);
        Assert.Contains("The command '/bin/sh -c false' returned a non-zero code: 1", r.Stderr);
        Assert.NotEqual(0, (await Server.Docker("image", "inspect", tag)).ExitCode);
        Assert.Equal("", (await Server.Docker("ps", "-aq")).Stdout.Trim());
        // Only the step before the failure left an image (the cache Docker keeps too); nothing of the RUN or later.
        var added = (await Server.Docker("images", "-aq", "--no-trunc")).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Except(before).ToList();
        var only = Assert.Single(added);
        var history = (await Server.Docker("history", "--no-trunc", "--format", "{{.CreatedBy}}", only)).Stdout;
        Assert.DoesNotContain("false", history);
        Assert.Contains("ENV X=", history);
    }

    [Fact]
    public async Task Commit_with_change_creates_an_image_with_the_changes()
    {
        var name = "c" + Guid.NewGuid().ToString("N")[..8];
        (await Server.Docker("run", "--name", name, "busybox", "sh", "-c", "echo committed > /state.txt; rm /bin/true")).EnsureSuccess();
        var tag = Tag();
        var commit = await Server.Docker("commit", "--change", "CMD [\"cat\", \"/state.txt\"]", "--change", "ENV K=v", "-m", "a message", name, tag);
        Assert.True(commit.ExitCode == 0, commit.ToString());
        Assert.StartsWith("sha256:", commit.Stdout.Trim());
        Assert.Equal("committed\n", (await Server.Docker("run", "--rm", tag)).Stdout);
        Assert.Equal("gone\n", (await Server.Docker("run", "--rm", tag, "sh", "-c", "test -e /bin/true || echo gone")).Stdout);
        var config = await ConfigAsync(tag);
        Assert.Contains("K=v", config.GetProperty("Env").EnumerateArray().Select(e => e.GetString()));
        var history = (await Server.Docker("history", "--no-trunc", "--format", "{{.Comment}}", tag)).Stdout;
        Assert.StartsWith("a message", history);
        (await Server.Docker("rm", name)).EnsureSuccess();
    }

    [Fact]
    public async Task Removing_a_built_image_removes_its_untagged_build_steps()
    {
        var before = (await Server.Docker("images", "-aq", "--no-trunc")).EnsureSuccess().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var dir = BuildContextDir.Create(Server.Root, ("Dockerfile", $"FROM busybox\nENV ID={Guid.NewGuid():N}\nRUN echo x > /x\nCMD [\"sh\"]\n"));
        var tag = Tag();
        Assert.Equal(0, (await BuildAsync(dir, "-t", tag)).ExitCode);
        var all = (await Server.Docker("images", "-aq", "--no-trunc")).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Except(before).ToList();
        Assert.Equal(3, all.Count);
        var listed = (await Server.Docker("images", "-q", "--no-trunc")).Stdout;
        Assert.Single(all, listed.Contains);

        var rmi = await Server.Docker("rmi", tag);
        Assert.True(rmi.ExitCode == 0, rmi.ToString());
        foreach (var id in all) Assert.Contains("Deleted: " + id, rmi.Stdout);
        var after = (await Server.Docker("images", "-aq", "--no-trunc")).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Empty(after.Except(before));
    }

    [Fact]
    public async Task Commit_of_a_running_container_pauses_it_and_leaves_it_running()
    {
        var name = "r" + Guid.NewGuid().ToString("N")[..8];
        (await Server.Docker("run", "-d", "--name", name, "busybox", "sh", "-c", "echo live > /live.txt; sleep 60")).EnsureSuccess();
        for (var i = 0; i < 50 && (await Server.Docker("exec", name, "cat", "/live.txt")).ExitCode != 0; i++) await Task.Delay(100);
        var tag = Tag();
        var commit = await Server.Docker("commit", name, tag);
        Assert.True(commit.ExitCode == 0, commit.ToString());
        Assert.Equal("running", (await Server.Docker("inspect", "-f", "{{.State.Status}}", name)).Stdout.Trim());
        Assert.Equal("live\n", (await Server.Docker("run", "--rm", tag, "cat", "/live.txt")).Stdout);
        Assert.Equal(0, (await Server.Docker("rm", "-f", name)).ExitCode);
    }

    private static int Count(string text, string what) => (text.Length - text.Replace(what, "").Length) / what.Length;

    private static string LastId(string output) => System.Text.RegularExpressions.Regex.Match(output, @"Successfully built ([0-9a-f]{12})").Groups[1].Value;

    /// <summary>The output split at each "Step n/m" line, index 0 being step 1.</summary>
    private static List<string> StepBlocks(string output) =>
        System.Text.RegularExpressions.Regex.Split(output, @"(?=Step \d+/\d+ : )").Where(b => b.StartsWith("Step", StringComparison.Ordinal)).ToList();
}
