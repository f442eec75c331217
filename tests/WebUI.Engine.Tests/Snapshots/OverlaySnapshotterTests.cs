using WebUI.Engine.Content;
using WebUI.Engine.Errors;
using WebUI.Engine.Snapshots;
using WebUI.Engine.Tests.Images;
using WebUI.Engine.Tests.Layers;

namespace WebUI.Engine.Tests.Snapshots;

public sealed class OverlaySnapshotterTests : IDisposable
{
    private readonly TestEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    private Task<string> CommitAsync(string chainId, string? parent, byte[] tar) =>
        _engine.Snapshots.CommitAsync(chainId, parent, async (dir, ct) =>
        {
            var r = await _engine.Applier.ApplyAsync(new MemoryStream(tar), dir, null, ct);
            return (chainId, r.Size);
        }, default);

    [Fact]
    public void Chain_ids_follow_the_oci_definition()
    {
        var d1 = Digest.Of("layer1");
        var d2 = Digest.Of("layer2");
        var chain = ChainId.Compute([d1, d2]);
        Assert.Equal(d1, chain[0]);
        Assert.Equal(Digest.Of(d1 + " " + d2), chain[1]);
    }

    [Fact]
    public async Task Prepare_over_layers_gives_one_overlay_mount_with_lowerdirs_top_first()
    {
        await CommitAsync("sha256:aa", null, new TarBuilder().File("a", "1").Build());
        await CommitAsync("sha256:bb", "sha256:aa", new TarBuilder().File("b", "2").Build());

        var mounts = await _engine.Snapshots.PrepareAsync("container1", "sha256:bb", default);

        var m = Assert.Single(mounts);
        Assert.Equal("overlay", m.Type);
        var lower = m.Options.Single(o => o.StartsWith("lowerdir=")).Split('=')[1].Split(':');
        Assert.Equal(_engine.Snapshots.LowerDirs("sha256:bb"), lower);
        Assert.True(File.Exists(Path.Combine(lower[0], "b")));
        Assert.True(File.Exists(Path.Combine(lower[1], "a")));
        Assert.Contains(m.Options, o => o.StartsWith("upperdir=") && o.EndsWith("/fs"));
        Assert.Contains(m.Options, o => o.StartsWith("workdir=") && o.EndsWith("/work"));
        Assert.Equal(m.Options, Assert.Single(_engine.Snapshots.Mounts("container1")).Options);
        Assert.Equal(ErrorKind.AlreadyExists, (await Assert.ThrowsAsync<EngineException>(() => _engine.Snapshots.PrepareAsync("container1", null, default))).Kind);
        // The parent is in use by the container's writable layer.
        Assert.False(await _engine.Snapshots.RemoveCommittedAsync("sha256:bb", default));
    }

    [Fact]
    public async Task An_image_without_layers_gets_a_writable_bind_mount()
    {
        var mounts = await _engine.Snapshots.PrepareAsync("empty", null, default);
        var m = Assert.Single(mounts);
        Assert.Equal("bind", m.Type);
        Assert.True(Directory.Exists(m.Source));
        File.WriteAllText(Path.Combine(m.Source, "x"), "12345");
        Assert.Equal(5, _engine.Snapshots.UsageOf("empty"));

        await _engine.Snapshots.RemoveAsync("empty", default);
        await _engine.Snapshots.RemoveAsync("empty", default);
        Assert.False(Directory.Exists(m.Source));
    }

    [Fact]
    public async Task A_layer_is_unpacked_once_and_metadata_survives_a_restart()
    {
        await CommitAsync("sha256:aa", null, new TarBuilder().File("a", "1").Build());
        var again = await _engine.Snapshots.CommitAsync("sha256:aa", null, (_, _) => throw new InvalidOperationException("must not unpack twice"), default);
        Assert.Equal("sha256:aa", again);

        var reopened = new OverlaySnapshotter(Microsoft.Extensions.Options.Options.Create(new EngineOptions { DataRoot = _engine.DataRoot }), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<OverlaySnapshotter>.Instance);
        Directory.CreateDirectory(Path.Combine(_engine.DataRoot, "snapshots", "new-stale"));
        reopened.Initialize();
        Assert.True(reopened.Exists("sha256:aa"));
        Assert.Equal(1, reopened.SizeOf("sha256:aa"));
        Assert.DoesNotContain("new-stale", _engine.SnapshotDirs());
    }
    [Fact]
    public async Task Release_forgets_the_layer_at_once_and_writes_the_index_after()
    {
        await CommitAsync("sha256:cc", null, new TarBuilder().File("c", "3").Build());
        var upper = Assert.Single(await _engine.Snapshots.PrepareAsync("container2", "sha256:cc", default)).Options.Single(o => o.StartsWith("upperdir=")).Split('=')[1];
        Assert.Contains("container2", _engine.Snapshots.ActiveKeys());

        var written = _engine.Snapshots.Release("container2");
        // Before the index file is written, nothing meets the layer any more: no mounts, the parent is free.
        Assert.DoesNotContain("container2", _engine.Snapshots.ActiveKeys());
        Assert.Equal(ErrorKind.NotFound, Assert.Throws<EngineException>(() => _engine.Snapshots.Mounts("container2")).Kind);
        Assert.False(Directory.Exists(upper));
        await written;

        // A snapshotter loading the index afresh (a restart) does not know it either, and the parent can go.
        var reloaded = new OverlaySnapshotter(Microsoft.Extensions.Options.Options.Create(new EngineOptions { DataRoot = _engine.DataRoot, ExecRoot = Path.Combine(_engine.Root, "run") }),
            TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<OverlaySnapshotter>.Instance);
        reloaded.Initialize();
        Assert.DoesNotContain("container2", reloaded.ActiveKeys());
        Assert.True(await reloaded.RemoveCommittedAsync("sha256:cc", default));
    }
}
