using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Images;

/// <summary>Images and names persist across a server crash; a server of its own since it is killed.</summary>
public sealed class ImagesRestartCliTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private WebUIServer Server => fixture.Server;

    [Fact]
    public async Task Images_imported_from_stdin_survive_a_server_restart()
    {
        var tar = Path.Combine(Server.Root, "stdin-rootfs.tar");
        await BusyboxRootfs.WriteAsync(tar);
        // Piped, so the CLI sends the body chunked with no length.
        var env = new Dictionary<string, string>(Server.ClientEnvironment);
        var r = (await ProcessRunner.RunAsync("/bin/sh", ["-c", $"cat {tar} | /usr/local/bin/docker import -c 'ENTRYPOINT [\"/bin/sh\"]' - restart:1"], env)).EnsureSuccess();
        var id = r.Stdout.Trim();
        (await Server.Docker("tag", "restart:1", "restart:2")).EnsureSuccess();

        await Server.StopProcessAsync(kill: true);
        await Server.StartProcessAsync();

        var images = (await Server.Docker("images", "--no-trunc", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}", "restart")).EnsureSuccess();
        Assert.Equal($"restart:1 {id}\nrestart:2 {id}", string.Join('\n', images.Stdout.Trim().Split('\n').Order()));
        var entry = (await Server.Docker("image", "inspect", "--format", "{{json .Config.Entrypoint}}", "restart:2")).EnsureSuccess();
        Assert.Equal("[\"/bin/sh\"]", entry.Stdout.Trim());
    }
}
