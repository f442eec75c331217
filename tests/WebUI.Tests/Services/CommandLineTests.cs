using WebUI.Services;

namespace WebUI.Tests.Services;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("sh -c 'echo hi; sleep 1'", new[] { "sh", "-c", "echo hi; sleep 1" })]
    [InlineData("echo \"a \\\"b\\\" c\"", new[] { "echo", "a \"b\" c" })]
    [InlineData("  ls   -l  ", new[] { "ls", "-l" })]
    [InlineData("printf ''", new[] { "printf", "" })]
    [InlineData("a\\ b", new[] { "a b" })]
    public void Splits_like_a_shell(string text, string[] words) => Assert.Equal(words, CommandLine.Split(text));

    [Fact]
    public void Empty_text_is_no_command() => Assert.Empty(CommandLine.Split("   "));

    [Fact]
    public void An_unclosed_quote_is_an_error() => Assert.Throws<FormatException>(() => CommandLine.Split("echo 'oops"));
}
