using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Distribution;

/// <summary>docker pull / push through WebUI against the real distribution registry on a loopback port.</summary>
public sealed class PullPushTests(BusyboxServerFixture fixture) : IClassFixture<BusyboxServerFixture>
{
    private WebUIServer Server => fixture.Server;

    /// <summary>Asserts that the command printed <paramref name="expected"/>, showing all it printed when not.</summary>
    private static void Has(string expected, CommandResult r) => Assert.True(r.Stdout.Contains(expected, StringComparison.Ordinal), $"expected \"{expected}\" in:\n{r}");

    private Task<CommandResult> Docker(params string[] args) => Server.DockerAsync(args, timeout: TimeSpan.FromSeconds(120));

    [Fact]
    public async Task Docker_pull_fetches_an_image_pushed_by_skopeo_with_progress_and_its_digest()
    {
        await using var registry = await DistributionRegistry.StartAsync();
        var image = await OciLayout.WriteBusyboxAsync(Path.Combine(registry.Root, "layout"), "1");
        await registry.SkopeoCopyInAsync($"oci:{Path.Combine(registry.Root, "layout")}:1", "lib/bb:1");

        var pull = (await Docker("pull", $"{registry.Host}/lib/bb:1")).EnsureSuccess();
        Has("Pull complete", pull);
        Has($"Digest: {image.ManifestDigest}", pull);
        Has($"Status: Downloaded newer image for {registry.Host}/lib/bb:1", pull);

        var inspect = (await Docker("image", "inspect", "--format", "{{.Id}} {{index .RepoDigests 0}} {{.Architecture}}", $"{registry.Host}/lib/bb:1")).EnsureSuccess();
        Assert.Equal($"{image.ConfigDigest} {registry.Host}/lib/bb@{image.ManifestDigest} amd64", inspect.Stdout.Trim());

        var again = (await Docker("pull", $"{registry.Host}/lib/bb:1")).EnsureSuccess();
        Has("Image is up to date", again);

        var byDigest = (await Docker("pull", $"{registry.Host}/lib/bb@{image.ManifestDigest}")).EnsureSuccess();
        Has($"Digest: {image.ManifestDigest}", byDigest);
    }

    [Fact]
    public async Task Docker_pull_of_an_index_picks_amd64_by_default_and_the_requested_platform()
    {
        await using var registry = await DistributionRegistry.StartAsync();
        var layout = Path.Combine(registry.Root, "multi");
        var (_, amd64, arm64) = await OciLayout.WriteTwoPlatformIndexAsync(layout, "m");
        await registry.SkopeoCopyInAsync($"oci:{layout}:m", "multi/app:m", all: true);

        // skopeo may re-serialize the index on the way in: the registry's digest is the one that counts.
        var pull = (await Docker("pull", $"{registry.Host}/multi/app:m")).EnsureSuccess();
        Has($"Digest: {await registry.ManifestDigestAsync("multi/app", "m")}", pull);
        var arch = (await Docker("image", "inspect", "--format", "{{.Architecture}}", $"{registry.Host}/multi/app:m")).EnsureSuccess();
        Assert.Equal("amd64", arch.Stdout.Trim());

        (await Docker("pull", "--platform", "linux/arm64", $"{registry.Host}/multi/app:m")).EnsureSuccess();
        arch = (await Docker("image", "inspect", "--format", "{{.Architecture}}", $"{registry.Host}/multi/app:m")).EnsureSuccess();
        Assert.Equal("arm64", arch.Stdout.Trim());
        Assert.NotEqual(amd64, arm64);
    }

    [Fact]
    public async Task Docker_push_of_an_imported_image_and_pull_back_give_the_same_digest_and_image_id()
    {
        await using var registry = await DistributionRegistry.StartAsync();
        var name = $"{registry.Host}/imported/bb:v1";
        (await Docker("tag", "busybox:latest", name)).EnsureSuccess();
        var imported = (await Docker("image", "inspect", "--format", "{{.Id}}", "busybox:latest")).EnsureSuccess();

        var push = (await Docker("push", name)).EnsureSuccess();
        Has("The push refers to repository", push);
        Has("Pushed", push);
        var pushed = push.Stdout.Split('\n').Single(l => l.StartsWith("v1: digest: ", StringComparison.Ordinal)).Split(' ')[2];
        Assert.Equal(pushed, await registry.ManifestDigestAsync("imported/bb", "v1"));

        // A second push finds every blob in place.
        var again = (await Docker("push", name)).EnsureSuccess();
        Has("Layer already exists", again);
        Has($"v1: digest: {pushed}", again);

        (await Docker("rmi", name)).EnsureSuccess();
        var pull = (await Docker("pull", name)).EnsureSuccess();
        Has($"Digest: {pushed}", pull);
        var id = (await Docker("image", "inspect", "--format", "{{.Id}}", name)).EnsureSuccess();
        Assert.Equal(imported.Stdout.Trim(), id.Stdout.Trim());
    }

    [Fact]
    public async Task Docker_push_of_a_pulled_image_keeps_its_digest_and_mounts_blobs_across_repositories()
    {
        await using var registry = await DistributionRegistry.StartAsync();
        var image = await OciLayout.WriteBusyboxAsync(Path.Combine(registry.Root, "layout"), "1");
        await registry.SkopeoCopyInAsync($"oci:{Path.Combine(registry.Root, "layout")}:1", "source/bb:1");
        (await Docker("pull", $"{registry.Host}/source/bb:1")).EnsureSuccess();

        (await Docker("tag", $"{registry.Host}/source/bb:1", $"{registry.Host}/target/bb:2")).EnsureSuccess();
        var push = (await Docker("push", $"{registry.Host}/target/bb:2")).EnsureSuccess();
        Has("Mounted from source/bb", push);
        Has($"2: digest: {image.ManifestDigest}", push);
        Assert.Equal(image.ManifestDigest, await registry.ManifestDigestAsync("target/bb", "2"));
    }

    [Fact]
    public async Task Pulling_an_unknown_tag_is_a_clear_error()
    {
        await using var registry = await DistributionRegistry.StartAsync();
        var r = await Docker("pull", $"{registry.Host}/nothing/here:1");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("manifest unknown", r.Stderr);
    }

    [Fact]
    public async Task Login_push_and_pull_with_htpasswd_basic_auth()
    {
        await using var registry = await DistributionRegistry.StartAsync("alice", "s3cret-pw");
        var name = $"{registry.Host}/private/bb:1";
        (await Docker("tag", "busybox:latest", name)).EnsureSuccess();

        var anonymous = await Docker("push", name);
        Assert.NotEqual(0, anonymous.ExitCode);

        var wrong = await Docker("login", "-u", "alice", "-p", "wrong", registry.Host);
        Assert.NotEqual(0, wrong.ExitCode);
        Assert.Contains("401", wrong.Stderr);

        var login = (await Server.DockerAsync(["login", "-u", "alice", "--password-stdin", registry.Host], stdin: "s3cret-pw\n")).EnsureSuccess();
        Has("Login Succeeded", login);

        var push = (await Docker("push", name)).EnsureSuccess();
        var digest = push.Stdout.Split('\n').Single(l => l.StartsWith("1: digest: ", StringComparison.Ordinal)).Split(' ')[2];
        (await Docker("rmi", name)).EnsureSuccess();
        var pull = (await Docker("pull", name)).EnsureSuccess();
        Has($"Digest: {digest}", pull);
        (await Docker("logout", registry.Host)).EnsureSuccess();
    }

    [Fact]
    public async Task Login_push_and_pull_with_bearer_tokens_from_a_token_server()
    {
        await using var tokens = new TokenServer("bob", "t0ken-pw");
        await using var registry = await DistributionRegistry.StartAsync(tokens: tokens);
        var name = $"{registry.Host}/secure/bb:1";
        (await Docker("tag", "busybox:latest", name)).EnsureSuccess();

        var anonymous = await Docker("push", name);
        Assert.NotEqual(0, anonymous.ExitCode);

        var wrong = await Server.DockerAsync(["login", "-u", "bob", "--password-stdin", registry.Host], stdin: "nope\n");
        Assert.NotEqual(0, wrong.ExitCode);
        var login = (await Server.DockerAsync(["login", "-u", "bob", "--password-stdin", registry.Host], stdin: "t0ken-pw\n")).EnsureSuccess();
        Has("Login Succeeded", login);

        var issued = tokens.Issued;
        var push = (await Docker("push", name)).EnsureSuccess();
        Assert.True(tokens.Issued > issued, "the push fetched a token");
        var digest = push.Stdout.Split('\n').Single(l => l.StartsWith("1: digest: ", StringComparison.Ordinal)).Split(' ')[2];
        (await Docker("rmi", name)).EnsureSuccess();
        var pull = (await Docker("pull", name)).EnsureSuccess();
        Has($"Digest: {digest}", pull);
        (await Docker("logout", registry.Host)).EnsureSuccess();
    }

    [Theory]
    [InlineData("zstd")]
    [InlineData("none")]
    public async Task Docker_pull_unpacks_zstd_and_uncompressed_layers_and_checks_their_diff_ids(string compression)
    {
        await using var registry = await DistributionRegistry.StartAsync();
        var layout = Path.Combine(registry.Root, "layout");
        var image = await OciLayout.WriteBusyboxAsync(layout, "1", compression: compression);
        await registry.SkopeoCopyInAsync($"oci:{layout}:1", $"{compression}/bb:1");

        // skopeo may compress a plain layer on the way in; what the registry holds is what the pull must match.
        var pull = (await Docker("pull", $"{registry.Host}/{compression}/bb:1")).EnsureSuccess();
        Has($"Digest: {await registry.ManifestDigestAsync($"{compression}/bb", "1")}", pull);
        var id = (await Docker("image", "inspect", "--format", "{{.Id}}", $"{registry.Host}/{compression}/bb:1")).EnsureSuccess();
        Assert.Equal(image.ConfigDigest, id.Stdout.Trim());
    }
}
