using WebUI.Engine.Build.Context;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Tests.Build;

public sealed class ContextSourceTests : IDisposable
{
    private readonly TempDirectory _ctx = new();
    private readonly TempDirectory _outside = new();

    public ContextSourceTests()
    {
        _ctx.File("a.txt", "a");
        _ctx.File("b.txt", "b");
        _ctx.File("src/main.go", "package main");
        _ctx.File("src/util/u.go", "package util");
        _ctx.File("src/readme.md", "readme");
        _outside.File("secret", "top secret");
    }

    public void Dispose()
    {
        _ctx.Dispose();
        _outside.Dispose();
    }

    private IReadOnlyList<ContextSource> Resolve(params string[] sources) => ContextSourceResolver.Resolve(_ctx.Path, sources);

    private string Checksum(params string[] sources) => FileSetChecksum.Compute(Resolve(sources));

    [Theory]
    [InlineData(new[] { "a.txt" }, new[] { "a.txt" })]
    [InlineData(new[] { "./a.txt", "/b.txt" }, new[] { "a.txt", "b.txt" })]
    [InlineData(new[] { "*.txt" }, new[] { "a.txt", "b.txt" })]
    [InlineData(new[] { "src/*.go" }, new[] { "src/main.go" })]
    [InlineData(new[] { "src/*/*.go" }, new[] { "src/util/u.go" })]
    [InlineData(new[] { "?.txt", "a.txt" }, new[] { "a.txt", "b.txt" })]
    [InlineData(new[] { "[a]*" }, new[] { "a.txt" })]
    [InlineData(new[] { "src" }, new[] { "src" })]
    [InlineData(new[] { "." }, new[] { "." })]
    [InlineData(new[] { "src/../a.txt" }, new[] { "a.txt" })]
    public void Sources_match_paths_and_globs(string[] sources, string[] expected) =>
        Assert.Equal(expected, Resolve(sources).Select(s => s.RelativePath));

    [Theory]
    [InlineData("../secret", "COPY failed: forbidden path outside the build context: ../secret")]
    [InlineData("missing.txt", "COPY failed: file not found in build context or excluded by .dockerignore: stat missing.txt: file does not exist")]
    [InlineData("*.none", "COPY failed: no source files were specified")]
    public void Bad_sources(string source, string message)
    {
        var e = Assert.Throws<EngineException>(() => Resolve(source));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Symlinks_resolve_inside_the_context_as_if_it_were_root()
    {
        File.CreateSymbolicLink(Path.Combine(_ctx.Path, "abs"), Path.Combine(_outside.Path, "secret"));
        File.CreateSymbolicLink(Path.Combine(_ctx.Path, "rel"), "../../../../../../" + _outside.Path + "/secret");
        File.CreateSymbolicLink(Path.Combine(_ctx.Path, "inside"), "/a.txt");
        Directory.CreateSymbolicLink(Path.Combine(_ctx.Path, "dirlink"), "/src");
        // Resolved inside the context, where no such file exists: never the real file outside.
        Assert.Throws<EngineException>(() => Resolve("abs"));
        Assert.Throws<EngineException>(() => Resolve("rel"));
        Assert.Equal(Path.Combine(_ctx.Path, "a.txt"), Assert.Single(Resolve("inside")).FullPath);
        Assert.Equal(Path.Combine(_ctx.Path, "src"), Assert.Single(Resolve("dirlink")).FullPath);
        Assert.Equal(Path.Combine(_ctx.Path, "src/main.go"), Assert.Single(Resolve("dirlink/main.go")).FullPath);
    }

    [Fact]
    public void Resolve_clamps_dotdot_and_follows_links_within_root()
    {
        Directory.CreateSymbolicLink(Path.Combine(_ctx.Path, "up"), "..");
        Assert.Equal(Path.Combine(_ctx.Path, "a.txt"), ContextRoot.Resolve(_ctx.Path, "up/up/../a.txt", followFinal: true));
        Assert.Equal(_ctx.Path, ContextRoot.Resolve(_ctx.Path, "../../..", followFinal: true));
        File.CreateSymbolicLink(Path.Combine(_ctx.Path, "loop"), "loop");
        Assert.Throws<EngineException>(() => ContextRoot.Resolve(_ctx.Path, "loop", followFinal: true));
        Assert.Equal(Path.Combine(_ctx.Path, "loop"), ContextRoot.Resolve(_ctx.Path, "loop", followFinal: false));
    }

    [Fact]
    public void Checksum_is_stable()
    {
        var first = Checksum("src", "a.txt");
        Assert.StartsWith("sha256:", first);
        Assert.Equal(first, Checksum("src", "a.txt"));
        Assert.Equal(first, Checksum("a.txt", "src"));
    }

    [Fact]
    public void Checksum_changes_when_a_copied_file_changes_but_not_for_others()
    {
        var before = Checksum("src");
        _ctx.File("a.txt", "changed, but not copied");
        File.SetLastWriteTimeUtc(Path.Combine(_ctx.Path, "src/main.go"), DateTime.UtcNow.AddDays(-3));
        Assert.Equal(before, Checksum("src"));
        _ctx.File("src/util/u.go", "package util // edited");
        Assert.NotEqual(before, Checksum("src"));
    }

    [Fact]
    public void Checksum_sees_modes_owners_new_files_and_symlink_targets()
    {
        var baseline = Checksum("src");
        var sources = Resolve("src");
        Assert.NotEqual(baseline, FileSetChecksum.Compute(sources, uid: 1000, gid: 1000));
        Assert.NotEqual(baseline, FileSetChecksum.Compute(sources, chmod: (UnixFileMode)0x1ED));

        File.SetUnixFileMode(Path.Combine(_ctx.Path, "src/main.go"), (UnixFileMode)0x1C0);
        var moded = Checksum("src");
        Assert.NotEqual(baseline, moded);

        File.CreateSymbolicLink(Path.Combine(_ctx.Path, "src/link"), "main.go");
        var linked = Checksum("src");
        Assert.NotEqual(moded, linked);
        File.Delete(Path.Combine(_ctx.Path, "src/link"));
        File.CreateSymbolicLink(Path.Combine(_ctx.Path, "src/link"), "readme.md");
        Assert.NotEqual(linked, Checksum("src"));

        _ctx.File("src/new.go", "");
        Assert.NotEqual(linked, Checksum("src"));
    }

    [Fact]
    public void Checksum_depends_on_names_not_just_content()
    {
        _ctx.File("c.txt", "a");
        Assert.NotEqual(Checksum("a.txt"), Checksum("c.txt"));
    }
}
