using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Images;

/// <summary>docker image prune, on a server of its own since it removes every dangling image.</summary>
public sealed class ImagesPruneCliTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private WebUIServer Server => fixture.Server;

    [Fact]
    public async Task Prune_removes_dangling_images_and_keeps_tagged_ones()
    {
        var keep = Path.Combine(Server.Root, "keep.tar");
        var drop = Path.Combine(Server.Root, "drop.tar");
        await File.WriteAllBytesAsync(keep, ImageArchives.SmallLayer("k", "keep"));
        await File.WriteAllBytesAsync(drop, ImageArchives.SmallLayer("d", "drop"));
        var kept = (await Server.Docker("import", keep, "keep:1")).EnsureSuccess().Stdout.Trim();
        var dropped = (await Server.Docker("import", drop)).EnsureSuccess().Stdout.Trim();

        var r = (await Server.Docker("image", "prune", "-f")).EnsureSuccess();

        Assert.Contains($"deleted: {dropped}", r.Stdout);
        Assert.Contains("Total reclaimed space: 4B", r.Stdout);
        Assert.Equal(kept, (await Server.Docker("images", "-q", "--no-trunc")).EnsureSuccess().Stdout.Trim());

        // --until a few seconds ahead: on a loaded machine a 1 s window can close before the kept events are sent.
        var events = (await Server.Docker("events", "--since", "0", "--until", (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5).ToString(), "--filter", "type=image", "--format", "{{.Action}}")).EnsureSuccess();
        Assert.Equal("import\nimport\ndelete", events.Stdout.Trim().Replace("\r", ""));
    }
}
