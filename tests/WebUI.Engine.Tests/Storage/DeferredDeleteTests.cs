using WebUI.Engine.Storage;

namespace WebUI.Engine.Tests.Storage;

public sealed class DeferredDeleteTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("webui-deferred-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task The_directory_is_gone_from_its_place_at_once_and_its_files_after()
    {
        var dir = Path.Combine(_root, "containers", "abc");
        Directory.CreateDirectory(Path.Combine(dir, "bundle", "rootfs"));
        await File.WriteAllTextAsync(Path.Combine(dir, "config.json"), "{}");
        var aside = Path.Combine(_root, "tmp", "removed-abc");

        var deletion = DeferredDelete.Directory(dir, aside);

        Assert.False(Directory.Exists(dir));
        await deletion;
        Assert.False(Directory.Exists(aside));
        Assert.True(Directory.Exists(Path.Combine(_root, "containers")));
    }

    [Fact]
    public async Task A_missing_directory_is_not_an_error()
    {
        await DeferredDelete.Directory(Path.Combine(_root, "missing"), Path.Combine(_root, "tmp", "removed-missing"));
        Assert.False(Directory.Exists(Path.Combine(_root, "tmp", "removed-missing")));
    }

    [Fact]
    public void Sweep_deletes_only_what_carries_the_prefix()
    {
        var tmp = Path.Combine(_root, "tmp");
        Directory.CreateDirectory(Path.Combine(tmp, "removed-1", "fs"));
        Directory.CreateDirectory(Path.Combine(tmp, "removed-2"));
        Directory.CreateDirectory(Path.Combine(tmp, "pull-1"));

        DeferredDelete.Sweep(tmp, "removed-");
        DeferredDelete.Sweep(Path.Combine(_root, "no-such-dir"), "removed-");

        Assert.Equal(["pull-1"], Directory.EnumerateDirectories(tmp).Select(Path.GetFileName));
    }
}
