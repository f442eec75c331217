using WebUI.Engine.Containers;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Tests.Containers;

public sealed class DetachKeysTests
{
    [Theory]
    [InlineData(null, new byte[] { 0x10, 0x11 })]
    [InlineData("", new byte[] { 0x10, 0x11 })]
    [InlineData("ctrl-x,x", new byte[] { 0x18, (byte)'x' })]
    [InlineData("CTRL-A,ctrl-@,ctrl-[,ctrl-\\,ctrl-],ctrl-^,ctrl-_", new byte[] { 1, 0, 27, 28, 29, 30, 31 })]
    public void Keys_parse_as_docker_reads_them(string? keys, byte[] expected) => Assert.Equal(expected, DetachKeys.Parse(keys));

    [Theory]
    [InlineData("ctrl-1")]
    [InlineData("ab")]
    [InlineData("ctrl-p,,ctrl-q")]
    [InlineData("é")]
    public void Bad_keys_are_refused_naming_them(string keys)
    {
        var e = Assert.Throws<EngineException>(() => DetachKeys.Parse(keys));
        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
        Assert.Contains(keys, e.Message);
    }

    [Fact]
    public void The_sequence_split_across_reads_detaches_and_nothing_of_it_is_passed_on()
    {
        var scanner = new DetachKeyScanner([0x10, 0x11]);
        Assert.Equal((Convert.ToHexString("ab"u8), false), Norm(scanner.Scan("ab\x10"u8)));
        Assert.Equal(("", true), Norm(scanner.Scan("\x11 dropped"u8)));
    }

    [Fact]
    public void A_sequence_that_breaks_off_is_passed_on_as_typed()
    {
        var scanner = new DetachKeyScanner([0x10, 0x11]);
        Assert.Equal((Convert.ToHexString("x"u8), false), Norm(scanner.Scan("x\x10"u8)));
        Assert.Equal((Convert.ToHexString("\x10y"u8), false), Norm(scanner.Scan("y"u8)));
        // A repeated first key restarts the match instead of losing it.
        Assert.Equal((Convert.ToHexString("\x10"u8), true), Norm(scanner.Scan("\x10\x10\x11"u8)));
    }

    private static (string, bool) Norm((byte[] Forward, bool Detach) r) => (Convert.ToHexString(r.Forward), r.Detach);
}
