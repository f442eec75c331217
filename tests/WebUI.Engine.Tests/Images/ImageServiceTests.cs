using WebUI.Engine.Content;
using WebUI.Engine.Errors;
using WebUI.Engine.Images;
using WebUI.Engine.Tests.Layers;

namespace WebUI.Engine.Tests.Images;

public sealed class ImageServiceTests : IDisposable
{
    private readonly TestEngine _engine = new();
    private static readonly Lazy<byte[]> Busybox = new(TestImages.BusyboxLayer);

    public void Dispose() => _engine.Dispose();

    private async Task<List<string>> LoadAsync(byte[] archive)
    {
        var lines = new List<string>();
        await foreach (var l in _engine.Images.LoadAsync(new MemoryStream(archive), default)) lines.Add(l);
        return lines;
    }

    private Task<ImageRecord> ImportAsync(byte[] tar, string? name, params string[] changes) =>
        _engine.Images.ImportAsync(new MemoryStream(tar), new ImageImportOptions { Reference = name, Changes = changes }, default);

    [Fact]
    public async Task Import_makes_a_one_layer_image_with_changes_applied()
    {
        var image = await ImportAsync(TarBuilder.Gzip(Busybox.Value), "busybox",
            "CMD [\"sh\"]", "ENV A=1 B=\"two words\"", "ENV PATH /usr/bin:/bin", "LABEL x=y", "EXPOSE 80 53/udp", "WORKDIR /tmp", "USER nobody", "VOLUME /data", "STOPSIGNAL SIGINT", "ENTRYPOINT /bin/echo hi");

        var c = image.Spec.Config;
        Assert.Equal(["sh"], c.Cmd!);
        Assert.Equal(["/bin/sh", "-c", "/bin/echo hi"], c.Entrypoint!);
        Assert.Equal(["A=1", "B=two words", "PATH=/usr/bin:/bin"], c.Env!);
        Assert.Equal("y", c.Labels!["x"]);
        Assert.Equal(["53/udp", "80/tcp"], c.ExposedPorts!.Keys.Order());
        Assert.Equal(("/tmp", "nobody", "SIGINT"), (c.WorkingDir, c.User, c.StopSignal));
        Assert.Contains("/data", c.Volumes!.Keys);
        Assert.Equal(("amd64", "linux", "Imported from -"), (image.Spec.Architecture, image.Spec.Os, image.Spec.Comment));
        Assert.Equal(["docker.io/library/busybox:latest"], image.RepoTags);
        Assert.Equal(TestImages.Sha(Busybox.Value), Assert.Single(image.Spec.RootFs.DiffIds));
        Assert.Equal(image.Id, Digest.Of(File.ReadAllBytes(_engine.Content.PathOf(Digest.Parse(image.Id)))).Value);
        Assert.True(File.Exists(Path.Combine(_engine.Snapshots.LowerDirs(image.TopChainId!)[0], "bin/busybox")));

        var history = await _engine.Images.HistoryAsync("busybox", default);
        var h = Assert.Single(history);
        Assert.Equal((image.Id, "Imported from -", image.Size), (h.Id, h.Comment, h.Size));
        Assert.Equal(["busybox:latest"], h.Tags);
    }

    [Theory]
    [InlineData("FROM busybox", "FROM is not a valid change command")]
    [InlineData("EXPOSE 99999", "invalid containerPort")]
    [InlineData("ENV", "ENV requires at least one argument")]
    public async Task Bad_changes_are_rejected_before_anything_is_stored(string change, string message)
    {
        var e = await Assert.ThrowsAsync<EngineException>(() => ImportAsync(Busybox.Value, "x", change));
        Assert.Contains(message, e.Message);
        Assert.Empty(_engine.Store.All());
        Assert.Empty(_engine.SnapshotDirs());
    }

    [Fact]
    public async Task A_docker_archive_loads_with_names_and_verified_layers()
    {
        var layer2 = new TarBuilder().Dir("etc").File("etc/motd", "hello\n").Build();
        var config = TestImages.Config([Busybox.Value, layer2], labels: new() { ["org.test"] = "1" });
        var lines = await LoadAsync(TestImages.DockerArchive(config, [Busybox.Value, layer2], ["busybox:latest", "example.com/me/box:v1"]));

        Assert.Equal(["Loaded image: busybox:latest", "Loaded image: example.com/me/box:v1"], lines);
        var image = await _engine.Images.GetAsync("example.com/me/box:v1", default);
        Assert.Equal(TestImages.Sha(config), image.Id);
        Assert.Equal(2, image.ChainIds.Count);
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 8, 9, 123, TimeSpan.Zero).AddTicks(4567), image.Spec.Created);
        var lowers = _engine.Snapshots.LowerDirs(image.TopChainId!);
        Assert.Equal("hello\n", File.ReadAllText(Path.Combine(lowers[0], "etc/motd")));
        Assert.True(File.Exists(Path.Combine(lowers[1], "bin/busybox")));

        // Every way Docker lets one name an image.
        foreach (var name in new[] { "busybox", "busybox:latest", "docker.io/library/busybox", image.Id, image.Id[7..], image.Id[7..19], image.Id[..10] })
            Assert.Equal(image.Id, (await _engine.Images.GetAsync(name, default)).Id);
        var missing = await Assert.ThrowsAsync<EngineException>(() => _engine.Images.GetAsync("nope", default));
        Assert.Equal("No such image: nope:latest", missing.Message);

        var history = await _engine.Images.HistoryAsync(image.Id, default);
        Assert.Equal(3, history.Count);
        Assert.Equal(image.Id, history[0].Id);
        Assert.Equal(0, history[0].Size);
        Assert.Equal(["<missing>", "<missing>"], history.Skip(1).Select(h => h.Id));
        Assert.Equal(_engine.Snapshots.SizeOf(image.ChainIds[1]), history[1].Size);
    }

    [Fact]
    public async Task A_legacy_docker_save_archive_with_a_symlinked_duplicate_layer_loads()
    {
        // docker save before 25 wrote <id>/layer.tar and linked repeated layers to the first copy.
        var same = new TarBuilder().File("same", "x").Build();
        var config = TestImages.Config([same, same]);
        using var ms = new MemoryStream();
        using (var w = new System.Formats.Tar.TarWriter(ms, System.Formats.Tar.TarEntryFormat.Pax, leaveOpen: true))
        {
            void File(string name, byte[] data) => w.WriteEntry(new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });
            w.WriteEntry(new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.Directory, "aaa/"));
            File("aaa/layer.tar", same);
            w.WriteEntry(new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.Directory, "bbb/"));
            w.WriteEntry(new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.SymbolicLink, "bbb/layer.tar") { LinkName = "../aaa/layer.tar" });
            File(TestImages.Sha(config)[7..] + ".json", config);
            File("manifest.json", System.Text.Encoding.UTF8.GetBytes($$"""[{"Config":"{{TestImages.Sha(config)[7..]}}.json","RepoTags":["legacy:1"],"Layers":["aaa/layer.tar","bbb/layer.tar"]}]"""));
        }
        Assert.Equal(["Loaded image: legacy:1"], await LoadAsync(ms.ToArray()));
        Assert.Equal(2, (await _engine.Images.GetAsync("legacy:1", default)).ChainIds.Count);

        // A link that climbs out of the archive is refused.
        var files = new Dictionary<string, byte[]> { ["manifest.json"] = """[{"Config":"c.json","Layers":[]}]"""u8.ToArray() };
        using var evil = new MemoryStream();
        using (var w = new System.Formats.Tar.TarWriter(evil, System.Formats.Tar.TarEntryFormat.Pax, leaveOpen: true))
        {
            w.WriteEntry(new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, "manifest.json") { DataStream = new MemoryStream(files["manifest.json"]) });
            w.WriteEntry(new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.SymbolicLink, "c.json") { LinkName = "../../../../etc/passwd" });
        }
        var e = await Assert.ThrowsAsync<EngineException>(() => LoadAsync(evil.ToArray()));
        Assert.Contains("points outside the archive", e.Message);
    }

    [Fact]
    public async Task An_image_without_layers_loads_and_gets_a_bind_mounted_writable_layer()
    {
        var config = TestImages.Config([]);
        Assert.Equal(["Loaded image: scratchy:1"], await LoadAsync(TestImages.OciLayout(config, [], "docker.io/library/scratchy:1", containerdName: true)));
        var image = await _engine.Images.GetAsync("scratchy:1", default);
        Assert.Null(image.TopChainId);
        Assert.Equal(0, image.Size);
        Assert.Empty(_engine.Images.StorageOf(image));
        var mount = Assert.Single(await _engine.Snapshots.PrepareAsync("c", image.TopChainId, default));
        Assert.Equal("bind", mount.Type);
    }

    [Fact]
    public async Task Parallel_loads_of_the_same_image_unpack_each_layer_once()
    {
        var config = TestImages.Config([Busybox.Value]);
        var archive = TestImages.DockerArchive(config, [Busybox.Value], ["same:1"]);
        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => LoadAsync(archive))));
        Assert.All(results, r => Assert.Equal(["Loaded image: same:1"], r));
        Assert.Single(_engine.SnapshotDirs());
        Assert.Single(_engine.Store.All());
    }

    [Fact]
    public async Task An_oci_layout_loads_with_gzip_layers_and_its_ref_name()
    {
        var config = TestImages.Config([Busybox.Value]);
        var lines = await LoadAsync(TestImages.OciLayout(config, [Busybox.Value], "docker.io/library/ocibox:1.0", containerdName: true));
        Assert.Equal(["Loaded image: ocibox:1.0"], lines);
        var image = await _engine.Images.GetAsync("ocibox:1.0", default);
        Assert.Single(image.RepoDigests);
        Assert.StartsWith("docker.io/library/ocibox@sha256:", image.RepoDigests[0]);

        // skopeo/umoci write only a tag as ref.name: no repository, so the image is loaded without a name.
        var other = TestImages.Config([Busybox.Value], created: "2024-06-01T00:00:00Z");
        Assert.Equal([$"Loaded image ID: {TestImages.Sha(other)}"], await LoadAsync(TestImages.OciLayout(other, [Busybox.Value], "latest")));
    }

    [Fact]
    public async Task A_layer_that_does_not_match_the_configs_diff_id_is_rejected_and_no_image_is_left()
    {
        var claimed = new TarBuilder().File("a", "claimed").Build();
        var actual = new TarBuilder().File("a", "actual!").Build();
        var config = TestImages.Config([claimed]);
        var files = new Dictionary<string, byte[]>
        {
            ["cfg.json"] = config,
            ["l/layer.tar"] = actual,
            ["manifest.json"] = System.Text.Encoding.UTF8.GetBytes("""[{"Config":"cfg.json","RepoTags":["bad:1"],"Layers":["l/layer.tar"]}]"""),
        };
        var e = await Assert.ThrowsAsync<EngineException>(() => LoadAsync(TestImages.Tar(files)));
        Assert.Contains("diff id mismatch", e.Message);
        Assert.Empty(_engine.Store.All());
        Assert.Empty(_engine.SnapshotDirs());
        Assert.Empty(Directory.EnumerateDirectories(_engine.Images.TempDir));
    }

    [Fact]
    public async Task A_tampered_oci_blob_is_rejected()
    {
        var config = TestImages.Config([Busybox.Value]);
        var archive = TestImages.OciLayout(config, [Busybox.Value], "x:1", containerdName: true);
        // Re-pack with one byte of the config changed: its digest no longer matches the descriptor.
        var tampered = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(config).Replace("amd64", "AMD64"));
        var files = ReadTar(archive);
        files["blobs/sha256/" + TestImages.Sha(config)[7..]] = tampered;
        var e = await Assert.ThrowsAsync<EngineException>(() => LoadAsync(TestImages.Tar(files)));
        Assert.Contains("has digest", e.Message);
        Assert.Empty(_engine.Store.All());
    }

    [Theory]
    [InlineData("not a tar at all, definitely not")]
    [InlineData("")]
    public async Task Malformed_archives_are_rejected(string content)
    {
        var e = await Assert.ThrowsAsync<EngineException>(() => LoadAsync(System.Text.Encoding.UTF8.GetBytes(content + new string(' ', content.Length > 0 ? 1000 : 0))));
        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
        Assert.Empty(_engine.Store.All());
    }

    [Fact]
    public async Task Tag_and_rmi_follow_dockers_untag_and_delete_rules()
    {
        var image = await ImportAsync(Busybox.Value, "busybox");
        await _engine.Images.TagAsync("busybox", "localhost:5000/a/b:t", default);
        await _engine.Images.TagAsync(image.Id[7..19], "other", default);
        Assert.Equal(3, (await _engine.Images.GetAsync("busybox", default)).RepoTags.Count);
        Assert.Equal(ErrorKind.InvalidArgument, (await Assert.ThrowsAsync<EngineException>(() => _engine.Images.TagAsync("busybox", "UPPER", default))).Kind);

        // By name with other names left: untag only.
        var r = await _engine.Images.RemoveAsync("localhost:5000/a/b:t", false, false, default);
        Assert.Equal([new ImageDeleteResult("localhost:5000/a/b:t", null)], r);

        // By id with names in several repositories: refused without force.
        var conflict = await Assert.ThrowsAsync<EngineException>(() => _engine.Images.RemoveAsync(image.Id[7..19], false, false, default));
        Assert.Equal(ErrorKind.Conflict, conflict.Kind);
        Assert.Equal($"conflict: unable to delete {image.Id[7..19]} (must be forced) - image is referenced in multiple repositories", conflict.Message);

        // A container using it: untagging the last name needs force; a running one blocks deletion even with force.
        await _engine.Images.RemoveAsync("other", false, false, default);
        _engine.Usages.Add(new FakeUsage(image.Id, "1a2b3c4d5e6f7a8b9c", running: true));
        var inUse = await Assert.ThrowsAsync<EngineException>(() => _engine.Images.RemoveAsync("busybox", false, false, default));
        Assert.Equal($"conflict: unable to remove repository reference \"busybox\" (must force) - container 1a2b3c4d5e6f is using its referenced image {image.Id[7..19]}", inUse.Message);
        var running = await Assert.ThrowsAsync<EngineException>(() => _engine.Images.RemoveAsync(image.Id, true, false, default));
        Assert.Equal($"conflict: unable to delete {image.Id[7..19]} (cannot be forced) - image is being used by running container 1a2b3c4d5e6f", running.Message);
        _engine.Usages.Clear();

        // The last name by name: untag and delete, with its layer.
        var deleted = await _engine.Images.RemoveAsync("busybox", false, false, default);
        Assert.Equal([new ImageDeleteResult("busybox:latest", null), new ImageDeleteResult(null, image.Id), new ImageDeleteResult(null, image.TopChainId)], deleted);
        Assert.Empty(_engine.Store.All());
        Assert.False(_engine.Content.Exists(Digest.Parse(image.Id)));
        Assert.Empty(_engine.SnapshotDirs());
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<EngineException>(() => _engine.Images.RemoveAsync("busybox", false, false, default))).Kind);
    }

    [Fact]
    public async Task Layers_shared_with_another_image_survive_its_removal()
    {
        var top = new TarBuilder().File("x", "1").Build();
        await LoadAsync(TestImages.DockerArchive(TestImages.Config([Busybox.Value]), [Busybox.Value], ["base:1"]));
        await LoadAsync(TestImages.DockerArchive(TestImages.Config([Busybox.Value, top]), [Busybox.Value, top], ["child:1"]));
        var child = await _engine.Images.GetAsync("child:1", default);

        var r = await _engine.Images.RemoveAsync("child:1", false, false, default);

        Assert.Equal(3, r.Count); // untagged, deleted image, deleted its own top layer
        Assert.True(_engine.Snapshots.Exists(child.ChainIds[0]));
        Assert.False(_engine.Snapshots.Exists(child.ChainIds[1]));
    }

    [Fact]
    public async Task List_filters_work_like_dockers()
    {
        var old = await ImportAsync(Busybox.Value, "busybox:old", "LABEL tier=base");
        await Task.Delay(1100);
        var mid = await ImportAsync(new TarBuilder().File("a", "1").Build(), "localhost:5000/app:1", "LABEL tier=app", "LABEL flag=");
        await Task.Delay(1100);
        var dangling = await ImportAsync(new TarBuilder().File("b", "2").Build(), null);

        async Task<List<string>> Ids(params (string Key, string Value)[] f)
        {
            var filters = f.GroupBy(x => x.Key).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(x => x.Value).ToList());
            return (await _engine.Images.ListAsync(new ImageListOptions { Filters = filters }, default)).Select(i => i.Id).ToList();
        }

        Assert.Equal([dangling.Id, mid.Id, old.Id], await Ids());
        Assert.Equal([dangling.Id], await Ids(("dangling", "true")));
        Assert.Equal([mid.Id, old.Id], await Ids(("dangling", "false")));
        Assert.Equal([old.Id], await Ids(("reference", "busy*")));
        Assert.Equal([old.Id], await Ids(("reference", "busybox:old")));
        Assert.Equal([mid.Id], await Ids(("reference", "localhost:5000/*")));
        Assert.Empty(await Ids(("reference", "*box*:new")));
        Assert.Equal([mid.Id], await Ids(("label", "tier=app")));
        Assert.Equal([mid.Id, old.Id], await Ids(("label", "tier")));
        Assert.Equal([mid.Id], await Ids(("label", "tier"), ("label", "flag")));
        Assert.Equal([old.Id], await Ids(("before", "localhost:5000/app:1")));
        Assert.Equal([dangling.Id, mid.Id], await Ids(("since", "busybox:old")));
        Assert.Equal("invalid filter 'nope'", (await Assert.ThrowsAsync<EngineException>(() => Ids(("nope", "1")))).Message);
    }

    [Fact]
    public async Task Prune_removes_dangling_images_only_unless_asked_for_all_unused()
    {
        var tagged = await ImportAsync(new TarBuilder().File("t", "1").Build(), "keep:1");
        var dangling = await ImportAsync(new TarBuilder().File("d", "2").Build(), null);
        var used = await ImportAsync(new TarBuilder().File("u", "3").Build(), null);
        _engine.Usages.Add(new FakeUsage(used.Id, "c0ffee", running: false));

        var r = await _engine.Images.PruneAsync(new Dictionary<string, IReadOnlyList<string>>(), default);

        Assert.Equal([new ImageDeleteResult(null, dangling.Id), new ImageDeleteResult(null, dangling.TopChainId)], r.Deleted);
        Assert.Equal(1, r.SpaceReclaimed);
        Assert.Equal(new[] { tagged.Id, used.Id }.Order(), _engine.Store.All().Select(i => i.Id).Order());

        var all = await _engine.Images.PruneAsync(new Dictionary<string, IReadOnlyList<string>> { ["dangling"] = ["false"] }, default);
        Assert.Equal([new ImageDeleteResult("keep:1", null), new ImageDeleteResult(null, tagged.Id), new ImageDeleteResult(null, tagged.TopChainId)], all.Deleted);
        Assert.Equal([used.Id], _engine.Store.All().Select(i => i.Id));
    }

    [Fact]
    public async Task Image_changes_are_published_as_docker_image_events()
    {
        var seen = new List<string>();
        using var _ = _engine.Events.Subscribe(e => { if (e.Type == "image") lock (seen) seen.Add($"{e.Action} {e.Attributes["name"]}"); });
        var image = await ImportAsync(new TarBuilder().File("a", "1").Build(), "ev:1");
        await _engine.Images.TagAsync("ev:1", "ev:2", default);
        await _engine.Images.RemoveAsync("ev:2", false, false, default);
        await _engine.Images.RemoveAsync("ev:1", false, false, default);
        Assert.Equal(["import ev:1", "tag ev:2", "untag ev:2", "untag ev:1", $"delete {image.Id}"], seen);
    }

    [Fact]
    public async Task Save_then_load_into_another_engine_gives_the_same_image()
    {
        var layer2 = new TarBuilder().File("etc/motd", "hi\n").Build();
        await LoadAsync(TestImages.OciLayout(TestImages.Config([Busybox.Value, layer2]), [Busybox.Value, layer2], "docker.io/library/rt:1", containerdName: true));
        var imported = await ImportAsync(TarBuilder.Zstd(new TarBuilder().File("z", "zstd").Build()), "zs:1");
        var image = await _engine.Images.GetAsync("rt:1", default);
        await _engine.Images.TagAsync("rt:1", "rt:2", default);

        using var saved = new MemoryStream();
        await _engine.Images.SaveAsync(["rt:1", "rt:2", "zs:1", image.Id], saved, default);

        using var other = new TestEngine();
        var lines = new List<string>();
        await foreach (var l in other.Images.LoadAsync(new MemoryStream(saved.ToArray()), default)) lines.Add(l);
        Assert.Equal(["Loaded image: rt:1", "Loaded image: rt:2", "Loaded image: zs:1"], lines);
        var copy = await other.Images.GetAsync("rt:2", default);
        Assert.Equal((image.Id, image.Size), (copy.Id, copy.Size));
        Assert.Equal(image.ChainIds, copy.ChainIds);
        Assert.Equal(image.RepoDigests, copy.RepoDigests.Where(d => d.Contains("/rt@")).ToList());
        Assert.Equal(imported.Id, (await other.Images.GetAsync("zs:1", default)).Id);

        var missing = await Assert.ThrowsAsync<EngineException>(() => _engine.Images.SaveAsync(["rt:1", "nope"], Stream.Null, default));
        Assert.Equal(ErrorKind.NotFound, missing.Kind);
    }

    [Fact]
    public async Task Rmi_removes_blobs_no_other_image_names()
    {
        var shared = Busybox.Value;
        var top = new TarBuilder().File("t", "1").Build();
        await LoadAsync(TestImages.DockerArchive(TestImages.Config([shared]), [shared], ["base:1"]));
        await LoadAsync(TestImages.DockerArchive(TestImages.Config([shared, top]), [shared, top], ["child:1"]));
        Assert.Equal(6, _engine.Content.List().Count()); // 2 configs, 2 manifests, the shared layer once, the top layer

        await _engine.Images.RemoveAsync("child:1", false, false, default);
        var left = _engine.Content.List().Select(c => c.Digest.Value).ToHashSet();
        Assert.Contains(TestImages.Sha(shared), left);
        Assert.DoesNotContain(TestImages.Sha(top), left);
        Assert.Equal(3, left.Count);

        await _engine.Images.RemoveAsync("base:1", false, false, default);
        Assert.Empty(_engine.Content.List());
    }

    [Fact]
    public async Task Images_and_names_survive_a_restart()
    {
        var image = await ImportAsync(Busybox.Value, "busybox");
        var store = new ImageStore(Microsoft.Extensions.Options.Options.Create(new EngineOptions { DataRoot = _engine.DataRoot }), _engine.Content, Microsoft.Extensions.Logging.Abstractions.NullLogger<ImageStore>.Instance);
        store.Initialize();
        var reloaded = Assert.Single(store.All());
        Assert.Equal((image.Id, image.Size), (reloaded.Id, reloaded.Size));
        Assert.Equal(image.RepoTags, reloaded.RepoTags);
        Assert.Equal(image.Spec.Config.Cmd, reloaded.Spec.Config.Cmd);
    }

    private static Dictionary<string, byte[]> ReadTar(byte[] archive)
    {
        var files = new Dictionary<string, byte[]>();
        using var r = new System.Formats.Tar.TarReader(new MemoryStream(archive));
        while (r.GetNextEntry() is { } e)
        {
            using var ms = new MemoryStream();
            e.DataStream?.CopyTo(ms);
            files[e.Name] = ms.ToArray();
        }
        return files;
    }
}
