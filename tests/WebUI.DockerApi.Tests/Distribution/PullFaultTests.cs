using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Distribution;

/// <summary>Pulls that go wrong: dropped connections, corrupt and truncated blobs, a server killed mid-pull. No half image, a clear error, and the retry succeeds.</summary>
public sealed class PullFaultTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private WebUIServer Server => fixture.Server;

    private Task<CommandResult> Docker(params string[] args) => Server.DockerAsync(args, timeout: TimeSpan.FromSeconds(120));

    private static async Task<(DistributionRegistry, OciLayout.Image)> RegistryWithBusyboxAsync(string repository)
    {
        var registry = await DistributionRegistry.StartAsync();
        var layout = Path.Combine(registry.Root, "layout");
        var image = await OciLayout.WriteBusyboxAsync(layout, "1");
        await registry.SkopeoCopyInAsync($"oci:{layout}:1", repository);
        return (registry, image);
    }

    private static string BlobFile(DistributionRegistry registry, string digest) =>
        Path.Combine(registry.Root, "data", "docker", "registry", "v2", "blobs", "sha256", digest[7..9], digest[7..], "data");

    [Fact]
    public async Task A_connection_dropped_mid_layer_is_retried_and_the_pull_succeeds()
    {
        var (registry, image) = await RegistryWithBusyboxAsync("drop/bb:1");
        await using var _ = registry;
        await using var proxy = new FaultyProxy(registry.Port);
        proxy.DropOnceAfter(200_000); // inside the busybox layer (about 1 MB)

        var pull = (await Docker("pull", $"{proxy.Host}/drop/bb:1")).EnsureSuccess();
        Assert.Equal(1, proxy.Dropped);
        Assert.Contains($"Digest: {image.ManifestDigest}", pull.Stdout);
        var id = (await Docker("image", "inspect", "--format", "{{.Id}}", $"{proxy.Host}/drop/bb:1")).EnsureSuccess();
        Assert.Equal(image.ConfigDigest, id.Stdout.Trim());
    }

    [Fact]
    public async Task A_blob_with_the_wrong_content_or_length_fails_the_pull_leaves_nothing_and_the_retry_succeeds()
    {
        var (registry, image) = await RegistryWithBusyboxAsync("corrupt/bb:1");
        await using var _ = registry;
        var file = BlobFile(registry, image.LayerDigest);
        var good = await File.ReadAllBytesAsync(file);

        var flipped = (byte[])good.Clone();
        flipped[^100] ^= 0xff;
        await File.WriteAllBytesAsync(file, flipped);
        var corrupt = await Docker("pull", $"{registry.Host}/corrupt/bb:1");
        Assert.NotEqual(0, corrupt.ExitCode);
        Assert.True((corrupt.Stdout + corrupt.Stderr).Contains("digest mismatch", StringComparison.Ordinal), corrupt.ToString());

        await File.WriteAllBytesAsync(file, good[..(good.Length / 2)]);
        var truncated = await Docker("pull", $"{registry.Host}/corrupt/bb:1");
        Assert.NotEqual(0, truncated.ExitCode);

        var images = (await Docker("images", "-q", $"{registry.Host}/corrupt/bb")).EnsureSuccess();
        Assert.Equal("", images.Stdout.Trim());
        Assert.False(File.Exists(Path.Combine(Server.DataRoot, "content", "blobs", "sha256", image.LayerDigest[7..])));

        await File.WriteAllBytesAsync(file, good);
        var pull = (await Docker("pull", $"{registry.Host}/corrupt/bb:1")).EnsureSuccess();
        Assert.Contains($"Digest: {image.ManifestDigest}", pull.Stdout);
    }

    [Fact]
    public async Task A_server_killed_mid_pull_restarts_without_a_half_image_and_pulls_again()
    {
        await using var server = await WebUIServer.StartAsync();
        var (registry, image) = await RegistryWithBusyboxAsync("killed/bb:1");
        await using var _ = registry;
        await using var proxy = new FaultyProxy(registry.Port) { BytesPerSecond = 100_000 };

        var pulling = server.DockerAsync(["pull", $"{proxy.Host}/killed/bb:1"], timeout: TimeSpan.FromSeconds(120));
        var ingest = Path.Combine(server.DataRoot, "content", "ingest");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(Directory.Exists(ingest) && Directory.EnumerateFileSystemEntries(ingest).Any()) && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.True(Directory.EnumerateFileSystemEntries(ingest).Any(), "the layer download started");
        await server.StopProcessAsync(kill: true);
        Assert.NotEqual(0, (await pulling).ExitCode);

        await server.StartProcessAsync();
        var images = (await server.DockerAsync(["images", "-q", $"{proxy.Host}/killed/bb"])).EnsureSuccess();
        Assert.Equal("", images.Stdout.Trim());
        Assert.Empty(Directory.EnumerateFileSystemEntries(ingest));

        proxy.BytesPerSecond = 0;
        var pull = (await server.DockerAsync(["pull", $"{proxy.Host}/killed/bb:1"], timeout: TimeSpan.FromSeconds(120))).EnsureSuccess();
        Assert.Contains($"Digest: {image.ManifestDigest}", pull.Stdout);
    }
}
