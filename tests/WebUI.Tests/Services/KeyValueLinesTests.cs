using WebUI.Services;

namespace WebUI.Tests.Services;

public sealed class KeyValueLinesTests
{
    [Fact]
    public void Parses_key_value_lines_skipping_blanks()
    {
        var parsed = KeyValueLines.Parse("a=1\n\n b = two words \nflag\nurl=http://x/?q=1");
        Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["b"] = "two words", ["flag"] = "", ["url"] = "http://x/?q=1" }, parsed);
    }

    [Fact]
    public void A_line_without_a_key_is_an_error() => Assert.Throws<FormatException>(() => KeyValueLines.Parse("=value"));
}
