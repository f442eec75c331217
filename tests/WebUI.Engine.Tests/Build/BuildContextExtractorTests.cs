using System.Formats.Tar;
using WebUI.Engine.Build.Context;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Tests.Build;

public sealed class BuildContextExtractorTests : IDisposable
{
    private readonly TempDirectory _outside = new();
    private readonly TempDirectory _target = new();

    public void Dispose()
    {
        _outside.Dispose();
        _target.Dispose();
    }

    private Task<BuildContext> Extract(ContextTar tar, string dockerfile = "Dockerfile", bool gzip = false) =>
        BuildContextExtractor.ExtractAsync(tar.ToStream(gzip), _target.Path, dockerfile, CancellationToken.None);

    private string At(string rel) => Path.Combine(_target.Path, rel);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Extracts_plain_and_gzip_contexts(bool gzip)
    {
        var ctx = await Extract(new ContextTar().File("Dockerfile", "FROM a\n").Dir("src").File("src/main.go", "package main", (UnixFileMode)0x1ED), gzip: gzip);
        Assert.Equal("FROM a\n", ctx.DockerfileText);
        Assert.Equal("package main", File.ReadAllText(At("src/main.go")));
        Assert.Equal((UnixFileMode)0x1ED, File.GetUnixFileMode(At("src/main.go")));
    }

    [Fact]
    public async Task Extracts_zstd_contexts_and_checksums_through_the_context()
    {
        var zstd = new MemoryStream();
        using (var z = new ZstdSharp.CompressionStream(zstd, 3, 0, leaveOpen: true))
            new ContextTar().File("Dockerfile", "FROM z").File("app/a", "1").ToStream().CopyTo(z);
        zstd.Position = 0;
        var ctx = await BuildContextExtractor.ExtractAsync(zstd, _target.Path, "Dockerfile", CancellationToken.None);
        Assert.Equal("FROM z", ctx.DockerfileText);
        Assert.Equal("app", Assert.Single(ctx.ResolveSources(["app"])).RelativePath);
        Assert.Equal(ctx.Checksum(["app"]), ctx.Checksum(["./app/"]));
        Assert.NotEqual(ctx.Checksum(["app"]), ctx.Checksum(["app"], uid: 1));
    }

    [Fact]
    public async Task Dockerignore_drops_files_even_when_it_arrives_last_but_keeps_dockerfile_readable()
    {
        var ctx = await Extract(new ContextTar()
            .File("Dockerfile", "FROM a")
            .File("secret.key", "k")
            .File("docs/a.md", "a").File("docs/keep.md", "keep")
            .File("app.go", "go")
            .File(".dockerignore", "*.key\ndocs\n!docs/keep.md\nDockerfile\n.dockerignore\n")
            .File("late.key", "k2"));
        Assert.Equal("FROM a", ctx.DockerfileText);
        Assert.False(File.Exists(At("secret.key")));
        Assert.False(File.Exists(At("late.key")));
        Assert.False(File.Exists(At("docs/a.md")));
        Assert.True(File.Exists(At("docs/keep.md")));
        Assert.True(File.Exists(At("app.go")));
        // Ignored themselves: read by the builder, then gone so COPY . cannot pick them up.
        Assert.False(File.Exists(At("Dockerfile")));
        Assert.False(File.Exists(At(".dockerignore")));
        Assert.True(ctx.Ignore.IsExcluded("secret.key"));
    }

    [Fact]
    public async Task Custom_dockerfile_path()
    {
        var ctx = await Extract(new ContextTar().File("build/Dockerfile.dev", "FROM dev"), "build/Dockerfile.dev");
        Assert.Equal("FROM dev", ctx.DockerfileText);
    }

    [Fact]
    public async Task A_symlinked_dockerfile_is_read_within_the_context_only()
    {
        var outsideDockerfile = _outside.File("Dockerfile", "FROM secret");
        var e = await Assert.ThrowsAsync<EngineException>(() => Extract(new ContextTar().Symlink("Dockerfile", outsideDockerfile)));
        Assert.Equal("Cannot locate specified Dockerfile: Dockerfile", e.Message);
        var ctx = await Extract(new ContextTar().File("real/Dockerfile", "FROM inside").Symlink("Dockerfile", "/real/Dockerfile"));
        Assert.Equal("FROM inside", ctx.DockerfileText);
    }

    [Fact]
    public async Task Missing_dockerfile_is_reported()
    {
        var e = await Assert.ThrowsAsync<EngineException>(() => Extract(new ContextTar().File("x", "y")));
        Assert.Equal("Cannot locate specified Dockerfile: Dockerfile", e.Message);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/../../escape")]
    [InlineData("/etc/passwd")]
    public async Task Names_escaping_the_root_are_refused(string name)
    {
        await Assert.ThrowsAsync<EngineException>(() => Extract(new ContextTar().File("Dockerfile", "FROM a").File(name, "x")));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_target.Path)!, "escape")));
    }

    [Fact]
    public async Task Writing_through_a_symlink_is_refused()
    {
        var tar = new ContextTar().File("Dockerfile", "FROM a").Symlink("link", _outside.Path).File("link/pwned", "x");
        var e = await Assert.ThrowsAsync<EngineException>(() => Extract(tar));
        Assert.Contains("through the symlink link", e.Message);
        Assert.False(File.Exists(Path.Combine(_outside.Path, "pwned")));
    }

    [Fact]
    public async Task A_file_entry_replaces_a_symlink_instead_of_following_it()
    {
        var victim = _outside.File("victim", "original");
        await Extract(new ContextTar().File("Dockerfile", "FROM a").Symlink("f", victim).File("f", "replaced"));
        Assert.Equal("original", File.ReadAllText(victim));
        Assert.Equal("replaced", File.ReadAllText(At("f")));
        Assert.Null(new FileInfo(At("f")).LinkTarget);
    }

    [Fact]
    public async Task Hard_links_must_point_inside_at_an_extracted_file()
    {
        var secret = _outside.File("secret", "s");
        await Assert.ThrowsAsync<EngineException>(() => Extract(new ContextTar().File("Dockerfile", "FROM a").HardLink("h", "../" + secret)));
        await Assert.ThrowsAsync<EngineException>(() => Extract(new ContextTar().File("Dockerfile", "FROM a").Symlink("s", secret).HardLink("h", "s")));
        await Extract(new ContextTar().File("Dockerfile", "FROM a").File("a", "content").HardLink("b", "a"));
        Assert.Equal("content", File.ReadAllText(At("b")));
    }

    [Theory]
    [InlineData(TarEntryType.CharacterDevice)]
    [InlineData(TarEntryType.BlockDevice)]
    [InlineData(TarEntryType.Fifo)]
    public async Task Device_files_are_refused(TarEntryType type)
    {
        var e = await Assert.ThrowsAsync<EngineException>(() => Extract(new ContextTar().File("Dockerfile", "FROM a").Entry(type, "dev")));
        Assert.Contains("device files", e.Message);
    }

    [Fact]
    public async Task Truncated_gzip_body_is_an_invalid_argument()
    {
        var full = new ContextTar().File("Dockerfile", "FROM a").File("big", new string('x', 100_000)).ToStream(gzip: true).ToArray();
        var e = await Assert.ThrowsAsync<EngineException>(() =>
            BuildContextExtractor.ExtractAsync(new MemoryStream(full[..(full.Length / 2)]), _target.Path, "Dockerfile", CancellationToken.None));
        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
    }

    [Fact]
    public async Task Mutated_tarballs_only_fail_with_engine_exceptions()
    {
        var valid = new ContextTar().File("Dockerfile", "FROM a").Dir("d").File("d/f", "data").Symlink("l", "d/f").HardLink("h", "d/f").ToStream().ToArray();
        var random = new Random(99);
        for (var n = 0; n < 300; n++)
        {
            var bytes = (byte[])valid.Clone();
            for (var k = random.Next(1, 6); k > 0; k--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            using var dir = new TempDirectory();
            try
            {
                await BuildContextExtractor.ExtractAsync(new MemoryStream(bytes), dir.Path, "Dockerfile", CancellationToken.None);
            }
            catch (EngineException)
            {
            }
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(_outside.Path));
    }

    [Fact]
    public async Task Garbage_body_is_an_invalid_argument()
    {
        var e = await Assert.ThrowsAsync<EngineException>(() =>
            BuildContextExtractor.ExtractAsync(new MemoryStream(new byte[1000].Select((_, i) => (byte)(i * 7)).ToArray()), _target.Path, "Dockerfile", CancellationToken.None));
        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
    }
}
