using WebUI.Registry.Tests.Support;
using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.Registry.Tests;

/// <summary>The docker CLI, through WebUI's own distribution client, pushes to and pulls from WebUI's built-in registry.</summary>
public sealed class DockerCliTests(RegistryBusyboxServerFixture fixture) : IClassFixture<RegistryBusyboxServerFixture>
{
    private WebUIServer Server => fixture.Server;

    [Fact]
    public async Task Docker_push_to_the_built_in_registry_and_pull_back_keep_the_digest()
    {
        var name = $"127.0.0.1:{Server.Port}/team/busybox:1";
        (await Server.Docker("tag", "busybox:latest", name)).EnsureSuccess();
        var push = (await Server.DockerAsync(["push", name], timeout: TimeSpan.FromSeconds(120))).EnsureSuccess();
        var digest = push.Stdout.Split('\n').Single(l => l.StartsWith("1: digest: ", StringComparison.Ordinal)).Split(' ')[2];

        using var registry = new RegistryHttp(Server);
        using var head = await registry.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/v2/team/busybox/manifests/1"));
        Assert.Equal(digest, head.Headers.GetValues("Docker-Content-Digest").Single());

        (await Server.Docker("rmi", name)).EnsureSuccess();
        var pull = (await Server.DockerAsync(["pull", name], timeout: TimeSpan.FromSeconds(120))).EnsureSuccess();
        Assert.Contains($"Digest: {digest}", pull.Stdout);
    }
}
