using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Distribution;

/// <summary>Credentials go only to the registry they belong to: a blob redirect to another origin is followed without them.</summary>
public sealed class CredentialScopeTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_redirect_to_another_host_does_not_receive_the_registry_credentials()
    {
        var layout = Path.Combine(fixture.Server.Root, "redirect-layout");
        var image = await OciLayout.WriteBusyboxAsync(layout, "1");
        await using var registry = new RedirectingRegistry(layout, "cdn/bb", "1", image.Manifest, "carol", "pw-carol");

        (await fixture.Server.DockerAsync(["login", "-u", "carol", "--password-stdin", registry.Host], stdin: "pw-carol\n")).EnsureSuccess();
        var pull = (await fixture.Server.DockerAsync(["pull", $"{registry.Host}/cdn/bb:1"], timeout: TimeSpan.FromSeconds(120))).EnsureSuccess();
        Assert.True(pull.Stdout.Contains($"Digest: {image.ManifestDigest}", StringComparison.Ordinal), pull.ToString());

        Assert.True(registry.StorageRequests >= 2, "config and layer came through the redirect");
        Assert.Empty(registry.StorageAuthorizations);
    }
}
