using WebUI.Engine.Errors;
using WebUI.Engine.References;

namespace WebUI.Engine.Tests.References;

public sealed class ImageReferenceTests
{
    private const string Hex = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("busybox", "docker.io/library/busybox:latest", "busybox:latest")]
    [InlineData("busybox:1.36", "docker.io/library/busybox:1.36", "busybox:1.36")]
    [InlineData("library/busybox", "docker.io/library/busybox:latest", "busybox:latest")]
    [InlineData("docker.io/busybox", "docker.io/library/busybox:latest", "busybox:latest")]
    [InlineData("index.docker.io/library/busybox:x", "docker.io/library/busybox:x", "busybox:x")]
    [InlineData("user/app:v1.0-rc_1", "docker.io/user/app:v1.0-rc_1", "user/app:v1.0-rc_1")]
    [InlineData("localhost:5000/a/b:t", "localhost:5000/a/b:t", "localhost:5000/a/b:t")]
    [InlineData("localhost/a", "localhost/a:latest", "localhost/a:latest")]
    [InlineData("example.com/a__b/c-d.e", "example.com/a__b/c-d.e:latest", "example.com/a__b/c-d.e:latest")]
    [InlineData("Example.com/app", "Example.com/app:latest", "Example.com/app:latest")]
    [InlineData("x@sha256:" + Hex, "docker.io/library/x@sha256:" + Hex, "x@sha256:" + Hex)]
    [InlineData("x:t@sha256:" + Hex, "docker.io/library/x:t@sha256:" + Hex, "x:t@sha256:" + Hex)]
    public void Valid_references_normalize_like_docker(string input, string full, string familiar)
    {
        var r = ImageReference.ParseWithDefaultTag(input);
        Assert.Equal(full, r.ToString());
        Assert.Equal(familiar, r.FamiliarString);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a:")]
    [InlineData(":tag")]
    [InlineData("a/b/")]
    [InlineData("a b")]
    [InlineData("-busybox")]
    [InlineData("busybox:-tag")]
    [InlineData("busybox:.tag")]
    [InlineData("a..b")]
    [InlineData("x@sha256:abc")]
    public void Malformed_references_are_invalid_reference_format(string input)
    {
        var e = Assert.Throws<EngineException>(() => ImageReference.Parse(input));
        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
        Assert.Contains("invalid", e.Message);
    }

    [Fact]
    public void Uppercase_repositories_get_dockers_lowercase_message()
    {
        var e = Assert.Throws<EngineException>(() => ImageReference.Parse("Busybox"));
        Assert.Equal("invalid reference format: repository name (library/Busybox) must be lowercase", e.Message);
        Assert.Equal("invalid reference format", Assert.Throws<EngineException>(() => ImageReference.Parse("busybox:" + new string('a', 129))).Message);
    }

    [Fact]
    public void A_64_hex_name_is_refused_as_ambiguous_with_ids()
    {
        var e = Assert.Throws<EngineException>(() => ImageReference.Parse(Hex));
        Assert.Contains("cannot specify 64-byte hexadecimal strings", e.Message);
    }

    [Fact]
    public void Tags_of_up_to_128_characters_are_accepted()
    {
        Assert.Equal(128, ImageReference.Parse("a:" + new string('b', 128)).Tag!.Length);
        Assert.Equal("a", ImageReference.Parse("a:b").FamiliarName);
    }
}
