using System.Text;
using WebUI.Engine.Content;
using WebUI.Engine.Errors;
using WebUI.Engine.Linux;
using WebUI.Engine.Tests.Images;

namespace WebUI.Engine.Tests.Layers;

public sealed class LayerApplierTests : IDisposable
{
    private readonly TestEngine _engine = new();
    private readonly string _outside;

    public LayerApplierTests()
    {
        // A directory outside every layer that hostile layers try to reach.
        _outside = Path.Combine(_engine.Root, "outside");
        Directory.CreateDirectory(_outside);
        File.WriteAllText(Path.Combine(_outside, "secret"), "original");
    }

    public void Dispose() => _engine.Dispose();

    /// <summary>Applies through the snapshotter, so a failure must also leave no snapshot directory behind.</summary>
    private Task<string> CommitAsync(byte[] tar, Digest? expected = null) =>
        _engine.Snapshots.CommitAsync(null, null, async (dir, ct) =>
        {
            var r = await _engine.Applier.ApplyAsync(new MemoryStream(tar), dir, expected, ct);
            return (r.DiffId.ToString(), r.Size);
        }, default);

    private async Task AssertRejectedAsync(byte[] tar, string messagePart)
    {
        var e = await Assert.ThrowsAsync<EngineException>(() => CommitAsync(tar));
        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
        Assert.Contains(messagePart, e.Message);
        Assert.Equal(["secret"], Directory.EnumerateFileSystemEntries(_outside).Select(Path.GetFileName));
        Assert.Equal("original", File.ReadAllText(Path.Combine(_outside, "secret")));
        Assert.Empty(_engine.SnapshotDirs());
    }

    [Fact]
    public Task A_dotdot_path_is_rejected()
    {
        var outsideRel = Path.GetRelativePath(Path.Combine(_engine.DataRoot, "snapshots", "x", "fs"), _outside);
        return AssertRejectedAsync(new TarBuilder().File("ok", "fine").File(outsideRel + "/evil", "pwned").Build(), "escape the layer root");
    }

    [Fact]
    public Task An_absolute_path_is_rejected() =>
        AssertRejectedAsync(new TarBuilder().File(_outside + "/evil", "pwned").Build(), "absolute path");

    [Fact]
    public Task Writing_through_an_absolute_symlink_that_points_outside_is_rejected() =>
        AssertRejectedAsync(new TarBuilder().Symlink("link", _outside).File("link/evil", "pwned").Build(), "is a symlink");

    [Fact]
    public Task Writing_through_a_relative_dotdot_symlink_is_rejected() =>
        AssertRejectedAsync(new TarBuilder().Dir("a").Symlink("a/up", "../../../../../../../..").File("a/up/" + _outside.TrimStart('/') + "/evil", "pwned").Build(), "is a symlink");

    [Fact]
    public Task Replacing_the_secret_through_a_symlinked_directory_is_rejected() =>
        AssertRejectedAsync(new TarBuilder().Symlink("d", _outside).File("d/secret", "pwned").Build(), "is a symlink");

    [Fact]
    public Task A_hard_link_to_a_file_outside_is_rejected() =>
        AssertRejectedAsync(new TarBuilder().HardLink("h", "../../../outside/secret").Build(), "escape the layer root");

    [Fact]
    public Task A_hard_link_to_an_absolute_path_is_rejected() =>
        AssertRejectedAsync(new TarBuilder().HardLink("h", _outside + "/secret").Build(), "escape the layer root");

    [Fact]
    public Task A_malformed_tar_is_rejected_with_a_clear_error()
    {
        var good = new TarBuilder().File("a", new string('x', 2000)).Build();
        var truncated = good[..700];
        return AssertRejectedAsync(truncated, "invalid layer tar");
    }

    [Fact]
    public Task Garbage_is_rejected() => AssertRejectedAsync(Encoding.UTF8.GetBytes(new string('z', 1500)), "invalid layer tar");

    [Fact]
    public async Task A_global_pax_header_is_skipped_like_git_archive_writes_it()
    {
        using var ms = new MemoryStream();
        using (var w = new System.Formats.Tar.TarWriter(ms, System.Formats.Tar.TarEntryFormat.Pax, leaveOpen: true))
        {
            w.WriteEntry(new System.Formats.Tar.PaxGlobalExtendedAttributesTarEntry(new Dictionary<string, string> { ["comment"] = "abc" }));
            w.WriteEntry(new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, "f") { DataStream = new MemoryStream("1"u8.ToArray()) });
        }
        var dir = Path.Combine(_engine.Root, "apply");
        await _engine.Applier.ApplyAsync(new MemoryStream(ms.ToArray()), dir, null, default);
        Assert.Equal(["f"], Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName));
    }

    [Fact]
    public Task A_file_truncated_inside_its_data_is_rejected_as_malformed()
    {
        var good = new TarBuilder().File("a", new string('x', 5000)).Build();
        return AssertRejectedAsync(good[..(512 * 3 + 100)], "invalid layer tar");
    }

    [Fact]
    public async Task A_diff_id_mismatch_is_rejected_and_leaves_no_snapshot()
    {
        var tar = new TarBuilder().File("a", "1").Build();
        var e = await Assert.ThrowsAsync<EngineException>(() => CommitAsync(tar, Digest.Of("other")));
        Assert.Contains("diff id mismatch", e.Message);
        Assert.Empty(_engine.SnapshotDirs());
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("gzip")]
    [InlineData("zstd")]
    public async Task Compressed_layers_are_detected_by_magic_and_the_diff_id_is_of_the_uncompressed_tar(string kind)
    {
        var tar = new TarBuilder().Dir("etc").File("etc/hostname", "box\n").Build();
        var blob = kind switch { "gzip" => TarBuilder.Gzip(tar), "zstd" => TarBuilder.Zstd(tar), _ => tar };
        var dir = Path.Combine(_engine.Root, "apply");

        var r = await _engine.Applier.ApplyAsync(new MemoryStream(blob), dir, Digest.Of(tar), default);

        Assert.Equal(Digest.Of(tar), r.DiffId);
        Assert.Equal("box\n", File.ReadAllText(Path.Combine(dir, "etc/hostname")));
    }

    [Fact]
    public async Task Modes_owners_times_links_devices_and_xattrs_are_applied()
    {
        var tar = new TarBuilder()
            .Dir("d", 0x1c0)
            .File("d/f", "x", mode: 0x9ed /* 04755 */, uid: 1000, gid: 1001, pax: new() { ["SCHILY.xattr.user.test"] = "v1" })
            .Symlink("d/l", "/nowhere", uid: 1002)
            .HardLink("d/h", "d/f")
            .CharDevice("null", 1, 3)
            .Build();
        var dir = Path.Combine(_engine.Root, "apply");
        await _engine.Applier.ApplyAsync(new MemoryStream(tar), dir, null, default);

        var f = Path.Combine(dir, "d/f");
        Assert.Equal((UnixFileMode)0x9ed, File.GetUnixFileMode(f));
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc), File.GetLastWriteTimeUtc(f));
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc), Directory.GetLastWriteTimeUtc(Path.Combine(dir, "d")));
        Assert.Equal("/nowhere", new FileInfo(Path.Combine(dir, "d/l")).LinkTarget);
        Assert.Equal("x", File.ReadAllText(Path.Combine(dir, "d/h")));
        Assert.Equal("v1"u8.ToArray(), Sys.lgetxattr(f, "user.test"));
        Assert.Equal("1000 1001", Stat("%u %g", f));
        Assert.Equal("1002", Stat("%u", Path.Combine(dir, "d/l")));
        Assert.Equal("character special file 1 3", Stat("%F %Hr %Lr", Path.Combine(dir, "null")));
    }

    [Fact]
    public async Task Whiteouts_become_overlay_whiteouts_that_hide_lower_files_in_a_real_mount()
    {
        var lower = new TarBuilder().Dir("etc").File("etc/gone", "lower").File("etc/kept", "lower").Dir("opq").File("opq/old", "lower").Build();
        var upper = new TarBuilder().Dir("etc").File("etc/.wh.gone", "").Dir("opq").File("opq/.wh..wh..opq", "").File("opq/new", "upper").Build();
        var lowerChain = await CommitAsync(lower);
        var upperChain = await _engine.Snapshots.CommitAsync(null, lowerChain, async (dir, ct) =>
        {
            var r = await _engine.Applier.ApplyAsync(new MemoryStream(upper), dir, null, ct);
            return (Digest.Of(lowerChain + " " + r.DiffId).ToString(), r.Size);
        }, default);

        var upperFs = _engine.Snapshots.LowerDirs(upperChain)[0];
        Assert.Equal("character special file 0 0", Stat("%F %Hr %Lr", Path.Combine(upperFs, "etc/gone")));
        Assert.Equal("y"u8.ToArray(), Sys.lgetxattr(Path.Combine(upperFs, "opq"), "trusted.overlay.opaque"));

        var mounts = await _engine.Snapshots.PrepareAsync("c1", upperChain, default);
        var target = Path.Combine(_engine.Root, "merged");
        Directory.CreateDirectory(target);
        Sys.mount("overlay", target, "overlay", 0, string.Join(',', mounts[0].Options));
        try
        {
            Assert.False(File.Exists(Path.Combine(target, "etc/gone")));
            Assert.Equal("lower", File.ReadAllText(Path.Combine(target, "etc/kept")));
            Assert.False(File.Exists(Path.Combine(target, "opq/old")));
            Assert.Equal("upper", File.ReadAllText(Path.Combine(target, "opq/new")));
        }
        finally
        {
            Sys.umount2(target, Sys.MNT_DETACH);
        }
    }

    private static string Stat(string format, string path)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("stat", ["-c", format, path]) { RedirectStandardOutput = true };
        using var p = System.Diagnostics.Process.Start(psi)!;
        var s = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return s;
    }
}
