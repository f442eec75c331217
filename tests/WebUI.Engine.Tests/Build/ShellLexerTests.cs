using WebUI.Engine.Build.Dockerfile;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Tests.Build;

public sealed class ShellLexerTests
{
    private static readonly Dictionary<string, string> Vars = new()
    {
        ["A"] = "apple",
        ["EMPTY"] = "",
        ["SP"] = "two words",
        ["_x1"] = "under",
    };

    private static string Expand(string word, char escape = '\\') => new ShellLexer(escape).ProcessWord(word, n => Vars.GetValueOrDefault(n));

    [Theory]
    [InlineData("$A", "apple")]
    [InlineData("${A}", "apple")]
    [InlineData("x${A}y", "xappley")]
    [InlineData("$A.txt", "apple.txt")]
    [InlineData("$_x1", "under")]
    [InlineData("$UNSET", "")]
    [InlineData("${UNSET}", "")]
    [InlineData("$", "$")]
    [InlineData("a$", "a$")]
    [InlineData("$1", "")]
    [InlineData("$-x", "$-x")]
    [InlineData("${UNSET:-def}", "def")]
    [InlineData("${EMPTY:-def}", "def")]
    [InlineData("${A:-def}", "apple")]
    [InlineData("${UNSET-def}", "def")]
    [InlineData("${EMPTY-def}", "")]
    [InlineData("${A:+alt}", "alt")]
    [InlineData("${EMPTY:+alt}", "")]
    [InlineData("${EMPTY+alt}", "alt")]
    [InlineData("${UNSET+alt}", "")]
    [InlineData("${UNSET:-$A}", "apple")]
    [InlineData("${UNSET:-${EMPTY:-deep}}", "deep")]
    [InlineData("${UNSET:-a b}", "a b")]
    [InlineData("${A:?must}", "apple")]
    [InlineData("${EMPTY?must}", "")]
    [InlineData("'$A'", "$A")]
    [InlineData("\"$A\"", "apple")]
    [InlineData("\"$SP\"", "two words")]
    [InlineData("\\$A", "$A")]
    [InlineData("\"\\$A\"", "$A")]
    [InlineData("\"a\\b\"", "a\\b")]
    [InlineData("\"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("a\\ b", "a b")]
    [InlineData("'it'\\''s'", "it's")]
    [InlineData("trailing\\", "trailing")]
    [InlineData("\\\\", "\\")]
    public void Substitution_forms(string word, string expected) => Assert.Equal(expected, Expand(word));

    [Theory]
    [InlineData("`$A", "$A")]
    [InlineData("c:\\dir\\$A", "c:\\dir\\apple")]
    public void Backtick_escape(string word, string expected) => Assert.Equal(expected, Expand(word, '`'));

    [Theory]
    [InlineData("${UNSET:?is required}", "UNSET: is required")]
    [InlineData("${EMPTY:?}", "EMPTY: is not allowed to be empty")]
    [InlineData("${UNSET?}", "UNSET: is not allowed to be unset")]
    [InlineData("'open", "unexpected end of statement while looking for matching single-quote")]
    [InlineData("\"open", "unexpected end of statement while looking for matching double-quote")]
    [InlineData("${A", "bad substitution: ${A")]
    [InlineData("${}", "bad substitution: ${}")]
    [InlineData("${A:-x", "unexpected end of statement while looking for matching }")]
    [InlineData("${A%x}", "unsupported modifier (%) in substitution")]
    public void Substitution_errors(string word, string message)
    {
        var e = Assert.Throws<EngineException>(() => Expand(word));
        Assert.Equal(message, e.Message);
    }
}
