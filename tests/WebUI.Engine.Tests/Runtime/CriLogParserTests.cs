using System.Text;
using WebUI.Engine.Containers;
using WebUI.Engine.Runtime;

namespace WebUI.Engine.Tests.Runtime;

public sealed class CriLogParserTests
{
    [Fact]
    public void FullLine_GetsItsNewlineBack()
    {
        Assert.True(CriLogParser.TryParse("2026-11-28T13:16:09.451368233+00:00 stdout F started", out var e));
        Assert.Equal(LogStream.Stdout, e.Stream);
        Assert.Equal("started\n", Encoding.UTF8.GetString(e.Data.Span));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 13, 16, 9, TimeSpan.Zero).AddTicks(4513682), e.Time);
    }

    [Fact]
    public void PartialLine_HasNoNewline_AndKeepsSpaces()
    {
        Assert.True(CriLogParser.TryParse("2026-11-28T13:16:09.1+02:00 stderr P a  b ", out var e));
        Assert.Equal(LogStream.Stderr, e.Stream);
        Assert.Equal("a  b ", Encoding.UTF8.GetString(e.Data.Span));
        Assert.Equal(TimeSpan.Zero, e.Time.UtcDateTime - new DateTime(2026, 11, 28, 11, 16, 9, 100, DateTimeKind.Utc));
    }

    [Fact]
    public void EmptyFullLine_IsJustANewline()
    {
        Assert.True(CriLogParser.TryParse("2026-11-28T13:16:09.451368233+00:00 stdout F", out var e));
        Assert.Equal("\n", Encoding.UTF8.GetString(e.Data.Span));
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("2026-11-28T13:16:09Z stdin F x")]
    [InlineData("2026-11-28T13:16:09Z stdout X x")]
    [InlineData("not-a-time stdout F x")]
    public void Malformed_IsRejected(string line) => Assert.False(CriLogParser.TryParse(line, out _));
}
