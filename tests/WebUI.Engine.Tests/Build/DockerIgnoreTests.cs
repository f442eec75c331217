using WebUI.Engine.Build.Context;

namespace WebUI.Engine.Tests.Build;

public sealed class DockerIgnoreTests
{
    [Theory]
    [InlineData("*.go", "a.go", true)]
    [InlineData("*.go", "dir/a.go", false)]
    [InlineData("**/*.go", "a.go", true)]
    [InlineData("**/*.go", "dir/sub/a.go", true)]
    [InlineData("**/*.go", "dir/sub/a.got", false)]
    [InlineData("dir", "dir", true)]
    [InlineData("dir", "dir/deep/file", true)]
    [InlineData("dir", "dirx/file", false)]
    [InlineData("dir/**", "dir/a/b", true)]
    [InlineData("dir/**/x", "dir/x", true)]
    [InlineData("dir/**/x", "dir/a/b/x", true)]
    [InlineData("**", "anything/at/all", true)]
    [InlineData("/rooted", "rooted", true)]
    [InlineData("./dot/../cleaned", "cleaned", true)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "a/c", false)]
    [InlineData("[a-c]x", "bx", true)]
    [InlineData("[a-c]x", "dx", false)]
    [InlineData("[!a]x", "bx", true)]
    [InlineData("[!a]x", "ax", false)]
    [InlineData("\\*star", "*star", true)]
    [InlineData("\\*star", "xstar", false)]
    [InlineData("a.b", "axb", false)]
    [InlineData("*/temp*", "some/temporary.txt", true)]
    [InlineData("*/*/temp*", "some/temporary.txt", false)]
    [InlineData("# comment", "# comment", false)]
    [InlineData(" # not a comment", "# not a comment", true)]
    [InlineData("  spaced.txt  ", "spaced.txt", true)]
    [InlineData("", "x", false)]
    public void Single_pattern(string pattern, string path, bool excluded) =>
        Assert.Equal(excluded, DockerIgnore.Parse(pattern).IsExcluded(path));

    [Theory]
    [InlineData("*.md\n!README.md", "README.md", false)]
    [InlineData("*.md\n!README.md", "CHANGES.md", true)]
    [InlineData("!README.md\n*.md", "README.md", true)]
    [InlineData("*.md\n!README*.md\nREADME-secret.md", "README-secret.md", true)]
    [InlineData("*.md\n!README*.md\nREADME-secret.md", "README-public.md", false)]
    [InlineData("docs\n!docs/keep.md", "docs/keep.md", false)]
    [InlineData("docs\n!docs/keep.md", "docs/other.md", true)]
    [InlineData("docs\n!docs/*.md", "docs/x.md", false)]
    [InlineData("docs\n!**/keep.md", "docs/keep.md", false)]
    [InlineData("docs\n!other/keep.md", "docs/keep.md", true)]
    [InlineData("**\n!*/keep", "a/keep", false)]
    [InlineData("**\n!*/keep", "a/b/keep", true)]
    [InlineData("docs\n!**/keep.md", "keep.md", false)]
    [InlineData("**\n!src\n!Dockerfile", "src/main.go", false)]
    [InlineData("**\n!src\n!Dockerfile", "other/x", true)]
    [InlineData("**\n!src/**/*.go", "src/a/b.go", false)]
    [InlineData("**\n!src/**/*.go", "src/a/b.txt", true)]
    [InlineData("node_modules\r\n.git\r\n", ".git/HEAD", true)]
    public void Exceptions_and_last_match_wins(string content, string path, bool excluded) =>
        Assert.Equal(excluded, DockerIgnore.Parse(content).IsExcluded(path));

    [Fact]
    public void Patterns_are_cleaned_and_rooted_slash_dropped()
    {
        var ignore = DockerIgnore.Parse("/a//b/\n!/c/./d\n#x\n\n");
        Assert.Equal(["a/b", "c/d"], ignore.Patterns.Select(p => p.Text));
        Assert.Equal([false, true], ignore.Patterns.Select(p => p.Exclusion));
    }

    [Fact]
    public void Bad_bracket_is_an_invalid_argument() =>
        Assert.Throws<WebUI.Engine.Errors.EngineException>(() => DockerIgnore.Parse("[abc"));
}
