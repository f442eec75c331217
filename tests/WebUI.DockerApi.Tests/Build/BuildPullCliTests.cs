using WebUI.DockerApi.Tests.Distribution;
using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Build;

/// <summary>Base images of `docker build` come from a registry when missing or with --pull, with the CLI's credentials (X-Registry-Config).</summary>
public sealed class BuildPullCliTests(BusyboxServerFixture fixture) : IClassFixture<BusyboxServerFixture>
{
    private WebUIServer Server => fixture.Server;

    private Task<CommandResult> Docker(params string[] args) => Server.DockerAsync(args, timeout: TimeSpan.FromSeconds(120));

    [Fact]
    public async Task A_missing_base_is_pulled_with_the_clients_credentials_and_pull_refreshes_a_present_one()
    {
        await using var registry = await DistributionRegistry.StartAsync("carol", "b4se-pw");
        var baseName = $"{registry.Host}/bases/bb:1";
        (await Docker("tag", "busybox:latest", baseName)).EnsureSuccess();
        (await Server.DockerAsync(["login", "-u", "carol", "--password-stdin", registry.Host], stdin: "b4se-pw\n")).EnsureSuccess();
        try
        {
            (await Docker("push", baseName)).EnsureSuccess();
            (await Docker("rmi", baseName)).EnsureSuccess();

            var dir = BuildContextDir.Create(Server.Root, ("Dockerfile", $"FROM {baseName}\nRUN cat /version.txt 2>/dev/null || echo no-version\n"));
            var first = await Docker("build", "-t", "pulled-base:1", dir);
            Assert.True(first.ExitCode == 0, first.ToString());
            Assert.Contains("1: Pulling from bases/bb", first.Stdout);
            Assert.Contains($"Status: Downloaded newer image for {baseName}", first.Stdout);
            Assert.Contains("no-version", first.Stdout);
            (await Docker("image", "inspect", baseName)).EnsureSuccess();

            // A newer base under the same tag in the registry, while the old one stays local.
            var newer = BuildContextDir.Create(Server.Root, ("Dockerfile", $"FROM busybox\nRUN echo v2 > /version.txt\n"));
            (await Docker("build", "-t", "newer-base:1", newer)).EnsureSuccess();
            (await Docker("tag", "newer-base:1", baseName)).EnsureSuccess();
            (await Docker("push", baseName)).EnsureSuccess();
            (await Docker("tag", "busybox:latest", baseName)).EnsureSuccess();

            var cached = await Docker("build", "-t", "pulled-base:2", dir);
            Assert.True(cached.ExitCode == 0, cached.ToString());
            Assert.DoesNotContain("Pulling from", cached.Stdout);
            Assert.Contains("Using cache", cached.Stdout);

            var pulled = await Docker("build", "--pull", "-t", "pulled-base:3", dir);
            Assert.True(pulled.ExitCode == 0, pulled.ToString());
            Assert.Contains($"Status: Downloaded newer image for {baseName}", pulled.Stdout);
            Assert.Contains("\nv2\n", pulled.Stdout);
        }
        finally
        {
            await Docker("logout", registry.Host);
        }

        // Without credentials the registry refuses, and the build says so.
        (await Docker("rmi", "-f", baseName)).EnsureSuccess();
        var dir2 = BuildContextDir.Create(Server.Root, ("Dockerfile", $"FROM {baseName}\n"));
        var refused = await Docker("build", dir2);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.NotEqual(0, (await Docker("image", "inspect", baseName)).ExitCode);
    }
}
