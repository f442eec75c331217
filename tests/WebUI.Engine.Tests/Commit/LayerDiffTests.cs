using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using WebUI.Engine.Commit;
using WebUI.Engine.Content;
using WebUI.Engine.Images;
using WebUI.Engine.Linux;
using WebUI.Engine.Tests.Images;

namespace WebUI.Engine.Tests.Commit;

/// <summary>Overlay upper directory → OCI layer tar, and layer commits through the content store and snapshotter.</summary>
public sealed class LayerDiffTests : IDisposable
{
    private readonly TestEngine _engine = new();
    private readonly string _upper;

    public LayerDiffTests()
    {
        _upper = Path.Combine(_engine.Root, "upper");
        Directory.CreateDirectory(Path.Combine(_upper, "etc"));
        File.WriteAllText(Path.Combine(_upper, "etc", "motd"), "hello");
        Directory.CreateDirectory(Path.Combine(_upper, "opaque"));
        File.WriteAllText(Path.Combine(_upper, "opaque", "new"), "n");
        Sys.lsetxattr(Path.Combine(_upper, "opaque"), "trusted.overlay.opaque", "y"u8.ToArray());
        Sys.mknod(Path.Combine(_upper, "etc", "removed"), Sys.S_IFCHR, 0);
        File.WriteAllText(Path.Combine(_upper, "a"), "first");
        Sys.link(Path.Combine(_upper, "a"), Path.Combine(_upper, "b"));
        File.CreateSymbolicLink(Path.Combine(_upper, "l"), "/etc/motd");
        Sys.lchown(Path.Combine(_upper, "etc", "motd"), 1000, 1001);
    }

    public void Dispose() => _engine.Dispose();

    private static async Task<List<TarEntry>> EntriesAsync(byte[] tar)
    {
        var list = new List<TarEntry>();
        await using var reader = new TarReader(new MemoryStream(tar));
        while (await reader.GetNextEntryAsync(copyData: true) is { } e) list.Add(e);
        return list;
    }

    private async Task<byte[]> DiffAsync(string dir, IReadOnlySet<string>? skip = null)
    {
        using var ms = new MemoryStream();
        await LayerDiff.WriteAsync(dir, ms, skip, default);
        return ms.ToArray();
    }

    [Fact]
    public async Task Whiteouts_opaque_dirs_hard_links_and_owners_become_oci_entries_in_order()
    {
        var entries = await EntriesAsync(await DiffAsync(_upper));
        Assert.Equal(["a", "b", "etc/", "etc/motd", "etc/.wh.removed", "l", "opaque/", "opaque/.wh..wh..opq", "opaque/new"], entries.Select(e => e.Name));
        var b = entries.Single(e => e.Name == "b");
        Assert.Equal((TarEntryType.HardLink, "a"), (b.EntryType, b.LinkName));
        Assert.Equal(TarEntryType.RegularFile, entries.Single(e => e.Name == "etc/.wh.removed").EntryType);
        var motd = entries.Single(e => e.Name == "etc/motd");
        Assert.Equal((1000, 1001), (motd.Uid, motd.Gid));
        Assert.Equal("/etc/motd", entries.Single(e => e.Name == "l").LinkName);
        Assert.DoesNotContain(entries.OfType<PaxTarEntry>(), e => e.ExtendedAttributes.Keys.Any(k => k.Contains("overlay", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_same_directory_gives_the_same_bytes()
    {
        var one = SHA256.HashData(await DiffAsync(_upper));
        var two = SHA256.HashData(await DiffAsync(_upper));
        Assert.Equal(one, two);
    }

    [Fact]
    public async Task Applying_the_diff_restores_overlay_whiteouts_and_opaque_markers()
    {
        var target = Path.Combine(_engine.Root, "applied");
        await _engine.Applier.ApplyAsync(new MemoryStream(await DiffAsync(_upper)), target, null, default);
        var st = Sys.lstatFull(Path.Combine(target, "etc", "removed"));
        Assert.Equal((Sys.S_IFCHR, 0UL), (st.st_mode & Sys.S_IFMT, st.st_rdev));
        Assert.Equal("y", Encoding.ASCII.GetString(Sys.lgetxattr(Path.Combine(target, "opaque"), "trusted.overlay.opaque")!));
        Assert.Equal("hello", File.ReadAllText(Path.Combine(target, "etc", "motd")));
        Assert.Equal(Sys.lstatFull(Path.Combine(target, "a")).st_ino, Sys.lstatFull(Path.Combine(target, "b")).st_ino);
    }

    [Fact]
    public async Task Empty_container_mount_points_are_left_out_but_written_ones_are_kept()
    {
        File.WriteAllText(Path.Combine(_upper, "etc", "hosts"), "");
        File.WriteAllText(Path.Combine(_upper, "etc", "hostname"), "written");
        Directory.CreateDirectory(Path.Combine(_upper, "proc"));
        var names = (await EntriesAsync(await DiffAsync(_upper, LayerDiff.ContainerMountPoints))).Select(e => e.Name).ToList();
        Assert.DoesNotContain("etc/hosts", names);
        Assert.DoesNotContain("proc/", names);
        Assert.Contains("etc/hostname", names);
    }

    [Fact]
    public async Task Commit_stores_a_gzip_blob_whose_uncompressed_digest_is_the_diff_id_and_a_snapshot_by_chain_id()
    {
        var committer = new LayerCommitter(_engine.Content, _engine.Snapshots, _engine.Applier);
        var layer = await committer.CommitAsync(_upper, null, takeDirectory: false, null, default);

        Assert.True(Directory.Exists(_upper));
        await using (var blob = _engine.Content.OpenRead(Digest.Parse(layer.Blob.Digest)))
        await using (var gzip = new GZipStream(blob, CompressionMode.Decompress))
        {
            using var plain = new MemoryStream();
            await gzip.CopyToAsync(plain);
            Assert.Equal(layer.DiffId, Digest.Of(plain.ToArray()).Value);
        }
        Assert.Equal("application/vnd.oci.image.layer.v1.tar+gzip", layer.Blob.MediaType);
        Assert.Equal(layer.DiffId, layer.ChainId);
        Assert.True(_engine.Snapshots.Exists(layer.ChainId));
        var fs = Path.Combine(_engine.Snapshots.DirectoryOf(layer.ChainId), "fs");
        Assert.Equal("hello", File.ReadAllText(Path.Combine(fs, "etc", "motd")));
        Assert.Equal(Sys.S_IFCHR, Sys.lstatFull(Path.Combine(fs, "etc", "removed")).st_mode & Sys.S_IFMT);

        // A second layer on top: chain id = sha256(parent + " " + diff id), and taking the directory moves it.
        var second = Path.Combine(_engine.Root, "second");
        Directory.CreateDirectory(second);
        File.WriteAllText(Path.Combine(second, "x"), "x");
        var top = await committer.CommitAsync(second, layer.ChainId, takeDirectory: true, null, default);
        Assert.Equal(Digest.Of(layer.ChainId + " " + top.DiffId).Value, top.ChainId);
        Assert.False(Directory.Exists(second));
        Assert.Equal("x", File.ReadAllText(Path.Combine(_engine.Snapshots.DirectoryOf(top.ChainId), "fs", "x")));
    }

    [Fact]
    public async Task A_child_image_reuses_its_parents_layers_and_records_its_parent()
    {
        var committer = new LayerCommitter(_engine.Content, _engine.Snapshots, _engine.Applier);
        var baseLayer = await committer.CommitAsync(_upper, null, takeDirectory: false, null, default);
        var parent = await _engine.Images.RegisterChildAsync(null, new ImageSpec { History = [new HistoryEntry { CreatedBy = "base" }] }, baseLayer, ["base:1"], "", default);
        var child = await _engine.Images.RegisterChildAsync(parent, new ImageSpec { Config = new ImageConfig { Cmd = ["sh"] } }, null, [], "", default);

        Assert.Equal(parent.Id, child.Parent);
        Assert.Equal(parent.ChainIds, child.ChainIds);
        Assert.Equal([baseLayer.DiffId], child.Spec.RootFs.DiffIds);
        var listed = await _engine.Images.ListAsync(new ImageListOptions(), default);
        Assert.Contains(listed, i => i.Id == child.Id);
        Assert.Contains(listed, i => i.Id == parent.Id);
        await Assert.ThrowsAsync<WebUI.Engine.Errors.EngineException>(() => _engine.Images.RegisterChildAsync(parent, new ImageSpec(), null, ["Bad Name"], "", default));
    }
}
