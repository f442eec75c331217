using System.Security.Claims;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using WebUI.Registry.Access;

namespace WebUI.Registry.Tests.Access;

public sealed class LoopbackAnonymousAccessPolicyTests
{
    [Theory]
    [InlineData(RegistryAccessDecision.Allow, "http://127.0.0.1:8080")]
    [InlineData(RegistryAccessDecision.Allow, "http://[::1]:8080", "http://localhost:8081", "http://unix:/run/webui/docker.sock")]
    [InlineData(RegistryAccessDecision.Challenge, "http://0.0.0.0:8080")]
    [InlineData(RegistryAccessDecision.Challenge, "http://127.0.0.1:8080", "http://[::]:8443")]
    [InlineData(RegistryAccessDecision.Challenge, "http://192.168.1.5:8080")]
    public async Task Anonymous_access_is_allowed_only_when_every_web_listener_is_loopback(RegistryAccessDecision expected, params string[] addresses)
    {
        var policy = new LoopbackAnonymousAccessPolicy(new Listening(addresses));
        foreach (var action in Enum.GetValues<RegistryAction>())
            Assert.Equal(expected, await policy.AuthorizeAsync(new Microsoft.AspNetCore.Http.DefaultHttpContext(), "team/app", action, CancellationToken.None));
    }

    /// <summary>A server that reports the addresses it listens on, as Kestrel does once started.</summary>
    private sealed class Listening : IServer
    {
        public Listening(IEnumerable<string> addresses)
        {
            var feature = new ServerAddressesFeature();
            foreach (var a in addresses) feature.Addresses.Add(a);
            Features.Set<IServerAddressesFeature>(feature);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();
        public void Dispose() { }
        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
