using WebUI.Engine.Containers;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Tests.Containers;

public sealed class ContainerNamesTests
{
    [Theory]
    [InlineData("web", "/web")]
    [InlineData("/web-1.a_b", "/web-1.a_b")]
    public void ValidNames_GetTheSlash(string name, string expected) => Assert.Equal(expected, ContainerNames.Normalize(name));

    [Theory]
    [InlineData("a")]
    [InlineData("-web")]
    [InlineData("we b")]
    [InlineData("web/x")]
    public void InvalidNames_Are400(string name) =>
        Assert.Equal(ErrorKind.InvalidArgument, Assert.Throws<EngineException>(() => ContainerNames.Normalize(name)).Kind);

    [Fact]
    public void GeneratedNames_AreAdjectiveUnderscoreSurname() =>
        Assert.Matches("^/[a-z]+_[a-z]+$", ContainerNames.Generate(0));

    [Fact]
    public void Ids_Are64Hex() => Assert.Matches("^[0-9a-f]{64}$", ContainerNames.NewId());

    [Theory]
    [InlineData("KILL", 9)]
    [InlineData("SIGTERM", 15)]
    [InlineData("hup", 1)]
    [InlineData("10", 10)]
    [InlineData("SIGRTMIN+3", 37)]
    public void Signals_ParseNamesAndNumbers(string s, int n) => Assert.Equal(n, Signals.Parse(s));

    [Fact]
    public void StatusText_IsDockers()
    {
        var now = DateTimeOffset.UtcNow;
        Assert.Equal("Up 3 seconds", ContainerStatusText.Describe(new ContainerState { Status = "running", StartedAt = now.AddSeconds(-3) }, now));
        Assert.Equal("Exited (1) 2 minutes ago", ContainerStatusText.Describe(new ContainerState { Status = "exited", ExitCode = 1, FinishedAt = now.AddMinutes(-2) }, now));
        Assert.Equal("Created", ContainerStatusText.Describe(new ContainerState(), now));
    }
}
