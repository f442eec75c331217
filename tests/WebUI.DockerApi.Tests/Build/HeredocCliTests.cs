using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Build;

/// <summary>Heredocs in RUN, COPY and ADD through the real `docker build` (legacy builder, POST /build) on busybox.</summary>
public sealed class HeredocCliTests(BusyboxServerFixture fixture) : IClassFixture<BusyboxServerFixture>
{
    private WebUIServer Server => fixture.Server;

    private static string Tag() => "h" + Guid.NewGuid().ToString("N")[..10] + ":v1";

    private Task<CommandResult> BuildAsync(string dir, params string[] extra) =>
        Server.DockerAsync(["build", .. extra, dir], timeout: TimeSpan.FromSeconds(120));

    private static string Dockerfile(string marker) =>
        "FROM busybox\n" +
        "ARG WHO=builder\n" +
        $"ENV GREETING=hi MARK={marker}\n" +
        "RUN <<EOF\necho \"step one by $WHO\" > /one.txt\necho \"$GREETING\" >> /one.txt\nEOF\n" +
        "RUN <<-EOF\n\tmkdir -p /out\n\t\techo chomped > /out/chomp.txt\n\tEOF\n" +
        "RUN cat <<A > /a.txt && cat <<'B' > /b.txt\na says $GREETING\nA\nb keeps $GREETING\nB\n" +
        "RUN <<SCRIPT\n#!/bin/sh\necho \"script as $0\" > /script.txt\nSCRIPT\n" +
        "RUN sh <<EOF\necho from-sh-stdin > /sh.txt\nEOF\n" +
        "COPY <<EOF /etc/motd\nwelcome $GREETING\nEOF\n" +
        "COPY <<\"RAW\" <<TWO /app/\nliteral $GREETING\nRAW\ntwo\nTWO\n" +
        "COPY --chmod=0755 <<EOF /usr/local/bin/hello\n#!/bin/sh\necho hello-from-heredoc\nEOF\n" +
        "ADD <<EOF /added.txt\nadded $MARK\nEOF\n" +
        "CMD [\"hello\"]\n";

    [Fact]
    public async Task Run_and_copy_heredocs_build_what_buildkit_builds_and_are_cached_by_their_bodies()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var dir = BuildContextDir.Create(Server.Root, ("Dockerfile", Dockerfile(marker)));
        var tag = Tag();
        var build = await BuildAsync(dir, "-t", tag);
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("Step 4/13 : RUN <<EOF", build.Stdout);

        var show = await Server.Docker("run", "--rm", tag, "sh", "-c",
            "cat /one.txt /out/chomp.txt /a.txt /b.txt /script.txt /sh.txt /etc/motd /app/RAW /app/TWO /added.txt; stat -c %a /usr/local/bin/hello /app/RAW; test -e /dev/pipes/SCRIPT || echo no-script-left");
        Assert.Equal(
            "step one by builder\nhi\nchomped\na says hi\nb keeps $GREETING\nscript as /dev/pipes/SCRIPT\nfrom-sh-stdin\n" +
            $"welcome hi\nliteral $GREETING\ntwo\nadded {marker}\n755\n664\nno-script-left\n",
            show.Stdout);
        Assert.Equal("hello-from-heredoc\n", (await Server.Docker("run", "--rm", tag)).Stdout);
        var history = (await Server.Docker("history", "--no-trunc", "--format", "{{.CreatedBy}}", tag)).EnsureSuccess().Stdout;
        Assert.Contains("echo \"step one by $WHO\"", history);

        var warm = await BuildAsync(dir, "-t", tag);
        Assert.True(warm.ExitCode == 0, warm.ToString());
        Assert.Equal(12, CountOf(warm.Stdout, " ---> Using cache\n"));
        Assert.DoesNotContain("Running in", warm.Stdout);

        // Editing one heredoc body re-runs from its step on; the steps before it stay cached.
        File.WriteAllText(Path.Combine(dir, "Dockerfile"), Dockerfile(marker).Replace("echo from-sh-stdin", "echo edited-body"));
        var edited = await BuildAsync(dir, "-t", tag);
        Assert.True(edited.ExitCode == 0, edited.ToString());
        Assert.Equal(6, CountOf(edited.Stdout, " ---> Using cache\n"));
        Assert.Contains("Step 8/13 : RUN sh <<EOF\n ---> Running in", edited.Stdout);
        Assert.Equal("edited-body\n", (await Server.Docker("run", "--rm", tag, "cat", "/sh.txt")).Stdout);

        var bodyOnly = BuildContextDir.Create(Server.Root, ("Dockerfile", "FROM busybox\nCOPY <<EOF /f\none\nEOF\n"));
        Assert.Equal(0, (await BuildAsync(bodyOnly, "-t", tag)).ExitCode);
        File.WriteAllText(Path.Combine(bodyOnly, "Dockerfile"), "FROM busybox\nCOPY <<EOF /f\nother\nEOF\n");
        var changed = await BuildAsync(bodyOnly, "-t", tag);
        Assert.DoesNotContain("Using cache", changed.Stdout);
        Assert.Equal("other\n", (await Server.Docker("run", "--rm", tag, "cat", "/f")).Stdout);
    }

    [Fact]
    public async Task A_failing_heredoc_run_reports_its_exit_code_and_leaves_no_image()
    {
        var dir = BuildContextDir.Create(Server.Root, ("Dockerfile", $"FROM busybox\nENV X={Guid.NewGuid():N}\nRUN <<EOF\necho before-failure\nexit 3\nEOF\n"));
        var tag = Tag();
        var r = await BuildAsync(dir, "-t", tag);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("before-failure", r.Stdout);
        Assert.Contains("returned a non-zero code: 3", r.Stderr);
        Assert.NotEqual(0, (await Server.Docker("image", "inspect", tag)).ExitCode);
        Assert.Equal("", (await Server.Docker("ps", "-aq")).Stdout.Trim());
    }

    [Theory]
    [InlineData("FROM busybox\nRUN echo ok\nRUN <<EOF\necho never closed\n", "dockerfile parse error on line 3: unterminated heredoc EOF")]
    [InlineData("FROM busybox\nCOPY x <<EOF\nbody\nEOF\n", "dockerfile parse error on line 2: COPY cannot accept a heredoc as a destination")]
    [InlineData("FROM busybox\nRUN --mount=type=cache,target=/c echo hi\n", "the --mount option requires BuildKit")]
    public async Task Heredoc_and_buildkit_only_errors_are_clear_and_build_nothing(string dockerfile, string message)
    {
        var dir = BuildContextDir.Create(Server.Root, ("Dockerfile", dockerfile));
        var tag = Tag();
        var r = await BuildAsync(dir, "-t", tag);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.NotEqual(0, (await Server.Docker("image", "inspect", tag)).ExitCode);
    }

    private static int CountOf(string text, string what) => (text.Length - text.Replace(what, "").Length) / what.Length;
}
