using System.Text.Json;
using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Images;

/// <summary>The real docker CLI against a live server: import, load, images, inspect, tag, rmi, history and bad input.</summary>
public sealed class ImagesCliTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private WebUIServer Server => fixture.Server;

    private async Task<string> BusyboxTarAsync()
    {
        var path = Path.Combine(Server.Root, "busybox-rootfs.tar");
        if (!File.Exists(path)) await BusyboxRootfs.WriteAsync(path);
        return path;
    }

    private string TempFile(string name) => Path.Combine(Server.Root, Guid.NewGuid().ToString("N")[..8] + "-" + name);

    [Fact]
    public async Task Import_with_changes_makes_an_image_inspect_and_history_show()
    {
        var tar = await BusyboxTarAsync();
        var r = (await Server.Docker("import", "--change", "CMD [\"sh\", \"-c\", \"echo hi\"]", "-c", "ENV A=1 B=\"two words\"", "-c", "LABEL tier=test",
            "-c", "EXPOSE 8080", "-c", "WORKDIR /tmp", tar, "imp:1")).EnsureSuccess();
        Assert.Matches("^sha256:[0-9a-f]{64}$", r.Stdout.Trim());
        var id = r.Stdout.Trim();

        var inspect = (await Server.Docker("image", "inspect", "imp:1")).EnsureSuccess();
        using var doc = JsonDocument.Parse(inspect.Stdout);
        var i = doc.RootElement[0];
        Assert.Equal(id, i.GetProperty("Id").GetString());
        Assert.Equal("imp:1", i.GetProperty("RepoTags")[0].GetString());
        Assert.Equal("Imported from -", i.GetProperty("Comment").GetString());
        Assert.Equal(["sh", "-c", "echo hi"], i.GetProperty("Config").GetProperty("Cmd").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["A=1", "B=two words"], i.GetProperty("Config").GetProperty("Env").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("test", i.GetProperty("Config").GetProperty("Labels").GetProperty("tier").GetString());
        Assert.True(i.GetProperty("Config").GetProperty("ExposedPorts").TryGetProperty("8080/tcp", out _));
        Assert.Equal("/tmp", i.GetProperty("Config").GetProperty("WorkingDir").GetString());
        Assert.Equal(("linux", "amd64"), (i.GetProperty("Os").GetString(), i.GetProperty("Architecture").GetString()));
        Assert.Equal("overlay2", i.GetProperty("GraphDriver").GetProperty("Name").GetString());
        Assert.True(Directory.Exists(i.GetProperty("GraphDriver").GetProperty("Data").GetProperty("UpperDir").GetString()));
        Assert.Equal(1, i.GetProperty("RootFS").GetProperty("Layers").GetArrayLength());
        Assert.True(i.GetProperty("Size").GetInt64() > 1_000_000);
        Assert.True(DateTimeOffset.Parse(i.GetProperty("Created").GetString()!) > DateTimeOffset.UtcNow.AddMinutes(-5));

        var history = (await Server.Docker("history", "--no-trunc", "--format", "{{.ID}}|{{.Comment}}", "imp:1")).EnsureSuccess();
        Assert.Equal($"{id}|Imported from -", history.Stdout.Trim());
    }

    [Fact]
    public async Task Load_of_a_docker_archive_names_the_image_and_keeps_its_layers()
    {
        var layer1 = ImageArchives.SmallLayer("one.txt", "1");
        var layer2 = ImageArchives.SmallLayer("two.txt", "2");
        var config = ImageArchives.Config([layer1, layer2], "2024-01-01T00:00:00.123456789Z", new() { ["from"] = "archive" });
        var path = TempFile("save.tar");
        ImageArchives.WriteDockerArchive(path, config, [layer1, layer2], ["dl:1", "localhost:5000/team/dl:2"]);

        var r = (await Server.Docker("load", "-i", path)).EnsureSuccess();
        Assert.Equal("Loaded image: dl:1\nLoaded image: localhost:5000/team/dl:2", r.Stdout.Trim());

        var inspect = (await Server.Docker("image", "inspect", "--format", "{{.Id}} {{len .RootFS.Layers}} {{.Created}}", "localhost:5000/team/dl:2")).EnsureSuccess();
        Assert.Equal($"{ImageArchives.Sha(config)} 2 2024-01-01T00:00:00.1234567Z", inspect.Stdout.Trim());
        var history = (await Server.Docker("history", "--format", "{{.CreatedBy}}", "dl:1")).EnsureSuccess();
        Assert.Equal("ADD layer1 /\nADD layer0 /", history.Stdout.Trim());
    }

    [Fact]
    public async Task Load_of_an_oci_layout_names_the_image_and_lists_its_digest()
    {
        var tar = await File.ReadAllBytesAsync(await BusyboxTarAsync());
        var config = ImageArchives.Config([tar], "2024-02-02T00:00:00Z");
        var path = TempFile("oci.tar");
        ImageArchives.WriteOciLayout(path, config, [tar], "docker.io/library/ocil:2");

        var r = (await Server.Docker("load", "-i", path)).EnsureSuccess();
        Assert.Equal("Loaded image: ocil:2", r.Stdout.Trim());

        var images = (await Server.Docker("images", "--digests", "--format", "{{.Repository}}:{{.Tag}} {{.Digest}}", "ocil")).EnsureSuccess();
        Assert.Matches("^ocil:2 sha256:[0-9a-f]{64}$", images.Stdout.Trim());
    }

    [Fact]
    public async Task Images_filters_by_reference_label_and_dangling()
    {
        var l1 = ImageArchives.SmallLayer("f", "1");
        var l2 = ImageArchives.SmallLayer("f", "2");
        var l3 = ImageArchives.SmallLayer("f", "3");
        var p1 = TempFile("a.tar");
        ImageArchives.WriteDockerArchive(p1, ImageArchives.Config([l1], "2024-03-01T00:00:00Z", new() { ["flt"] = "a" }), [l1], ["flt-one:1"]);
        var p2 = TempFile("b.tar");
        ImageArchives.WriteDockerArchive(p2, ImageArchives.Config([l2], "2024-03-02T00:00:00Z", new() { ["flt"] = "b" }), [l2], ["flt-two:1"]);
        var p3 = TempFile("c.tar");
        var danglingConfig = ImageArchives.Config([l3], "2024-03-03T00:00:00Z", new() { ["flt"] = "c" });
        ImageArchives.WriteDockerArchive(p3, danglingConfig, [l3], []);
        foreach (var p in new[] { p1, p2, p3 }) (await Server.Docker("load", "-q", "-i", p)).EnsureSuccess();

        var byRef = (await Server.Docker("images", "--filter", "reference=flt-*", "--format", "{{.Repository}}:{{.Tag}}")).EnsureSuccess();
        Assert.Equal("flt-two:1\nflt-one:1", byRef.Stdout.Trim());
        var byLabel = (await Server.Docker("images", "--filter", "label=flt=a", "--format", "{{.Repository}}")).EnsureSuccess();
        Assert.Equal("flt-one", byLabel.Stdout.Trim());
        var dangling = (await Server.Docker("images", "-q", "--no-trunc", "--filter", "dangling=true", "--filter", "label=flt")).EnsureSuccess();
        Assert.Equal(ImageArchives.Sha(danglingConfig), dangling.Stdout.Trim());
        var since = (await Server.Docker("images", "--filter", "since=flt-one:1", "--filter", "label=flt", "--format", "{{.Repository}}:{{.Tag}}")).EnsureSuccess();
        Assert.Equal("<none>:<none>\nflt-two:1", since.Stdout.Trim());
        var bad = await Server.Docker("images", "--filter", "bogus=1");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("invalid filter 'bogus'", bad.Stderr);
    }

    [Fact]
    public async Task Tag_then_rmi_untags_names_and_deletes_with_the_last_one()
    {
        var tar = await BusyboxTarAsync();
        var id = (await Server.Docker("import", tar, "rmi-test:1")).EnsureSuccess().Stdout.Trim();
        (await Server.Docker("tag", "rmi-test:1", "localhost:5000/a/b:t")).EnsureSuccess();
        Assert.Equal(id, (await Server.Docker("image", "inspect", "--format", "{{.Id}}", "localhost:5000/a/b:t")).EnsureSuccess().Stdout.Trim());

        var conflict = await Server.Docker("rmi", id[7..19]);
        Assert.NotEqual(0, conflict.ExitCode);
        Assert.Contains($"conflict: unable to delete {id[7..19]} (must be forced) - image is referenced in multiple repositories", conflict.Stderr);

        var untag = (await Server.Docker("rmi", "localhost:5000/a/b:t")).EnsureSuccess();
        Assert.Equal("Untagged: localhost:5000/a/b:t", untag.Stdout.Trim());

        var delete = (await Server.Docker("rmi", "rmi-test:1")).EnsureSuccess();
        var lines = delete.Stdout.Trim().Split('\n');
        Assert.Equal("Untagged: rmi-test:1", lines[0]);
        Assert.Equal($"Deleted: {id}", lines[1]);

        var gone = await Server.Docker("image", "inspect", "rmi-test:1");
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains("No such image: rmi-test:1", gone.Stderr);
    }

    [Fact]
    public async Task Save_then_rmi_then_load_restores_the_same_image_and_skopeo_reads_the_archive()
    {
        var tar = await BusyboxTarAsync();
        var id = (await Server.Docker("import", "-c", "CMD [\"sh\"]", tar, "saved:1")).EnsureSuccess().Stdout.Trim();
        (await Server.Docker("tag", "saved:1", "localhost:5000/saved/two:x")).EnsureSuccess();
        var archive = TempFile("saved.tar");

        (await Server.Docker("save", "-o", archive, "saved:1", "localhost:5000/saved/two:x")).EnsureSuccess();

        var skopeo = (await ProcessRunner.RunAsync("skopeo", ["inspect", "--config", $"oci-archive:{archive}:1"])).EnsureSuccess();
        Assert.Contains("\"sh\"", skopeo.Stdout);
        (await Server.Docker("rmi", "saved:1", "localhost:5000/saved/two:x")).EnsureSuccess();
        var load = (await Server.Docker("load", "-i", archive)).EnsureSuccess();
        Assert.Equal("Loaded image: saved:1\nLoaded image: localhost:5000/saved/two:x", load.Stdout.Trim());
        Assert.Equal(id, (await Server.Docker("image", "inspect", "--format", "{{.Id}}", "localhost:5000/saved/two:x")).EnsureSuccess().Stdout.Trim());

        var missing = await Server.Docker("save", "-o", TempFile("none.tar"), "saved:1", "not-there");
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("No such image: not-there:latest", missing.Stderr);
    }

    [Fact]
    public async Task Bad_archives_and_escaping_layers_get_clear_errors_and_leave_no_image()
    {
        var before = (await Server.Docker("images", "-aq", "--no-trunc")).EnsureSuccess().Stdout;

        var garbage = TempFile("garbage.tar");
        await File.WriteAllTextAsync(garbage, new string('x', 3000));
        var load = await Server.Docker("load", "-i", garbage);
        Assert.NotEqual(0, load.ExitCode);
        Assert.Contains("invalid tar archive", load.Stderr);

        var escaping = TempFile("escape.tar");
        await File.WriteAllBytesAsync(escaping, ImageArchives.EscapingLayer());
        var import = await Server.Docker("import", escaping, "escape:1");
        Assert.NotEqual(0, import.ExitCode);
        Assert.Contains("would escape the layer root", import.Stderr);
        Assert.False(File.Exists("/tmp/webui-escape-test"));

        var layer = ImageArchives.SmallLayer("a", "real");
        var lying = TempFile("lying.tar");
        ImageArchives.WriteDockerArchive(lying, ImageArchives.Config([ImageArchives.SmallLayer("a", "fake")], "2024-01-01T00:00:00Z"), [layer], ["liar:1"]);
        var mismatch = await Server.Docker("load", "-i", lying);
        Assert.NotEqual(0, mismatch.ExitCode);
        Assert.Contains("diff id mismatch", mismatch.Stderr);

        Assert.Equal(before, (await Server.Docker("images", "-aq", "--no-trunc")).EnsureSuccess().Stdout);
        Assert.Empty(Directory.EnumerateDirectories(Path.Combine(Server.DataRoot, "snapshots"), "new-*"));
    }

    [Fact]
    public async Task Pulling_an_unknown_image_fails_with_a_clear_message()
    {
        var r = await Server.Docker("pull", "nosuchimage:1");
        Assert.NotEqual(0, r.ExitCode);
        // Offline (as in CI) Docker Hub cannot be reached; online it denies the unknown repository.
        Assert.True(r.Stderr.Contains("cannot reach registry docker.io", StringComparison.Ordinal) || r.Stderr.Contains("pull access denied for nosuchimage", StringComparison.Ordinal), r.Stderr);
        var inspect = await Server.Docker("image", "inspect", "nosuchimage");
        Assert.Contains("No such image: nosuchimage", inspect.Stderr);
        var bad = await Server.Docker("tag", "nosuchimage", "Bad:1");
        Assert.NotEqual(0, bad.ExitCode);
    }
}
