using Microsoft.Extensions.Configuration;
using WebUI.Hosting;

namespace WebUI.Tests.Hosting;

public sealed class LoopbackGuardTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Theory]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://localhost:5000")]
    [InlineData("http://[::1]:8080")]
    [InlineData("http://127.0.0.2:80;http://localhost:81")]
    public void Loopback_urls_are_allowed(string urls) => Assert.Null(LoopbackGuard.Refusal(Config(("Urls", urls))));

    [Fact]
    public void The_default_url_is_allowed() => Assert.Null(LoopbackGuard.Refusal(Config()));

    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://*:8080")]
    [InlineData("http://+:8080")]
    [InlineData("http://192.168.1.5:8080")]
    [InlineData("http://example.com:8080")]
    [InlineData("http://127.0.0.1:8080;http://[::]:8080")]
    public void Any_non_loopback_url_is_refused_with_the_reason(string urls)
    {
        var reason = LoopbackGuard.Refusal(Config(("Urls", urls)));
        Assert.NotNull(reason);
        Assert.Contains("no login yet", reason);
        Assert.Contains(urls.Split(';').Last(), reason);
    }

    [Fact]
    public void Kestrel_endpoints_are_checked_too() =>
        Assert.NotNull(LoopbackGuard.Refusal(Config(("Kestrel:Endpoints:Http:Url", "http://0.0.0.0:9000"))));
}
