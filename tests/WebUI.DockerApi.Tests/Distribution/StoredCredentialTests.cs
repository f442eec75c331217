using System.Text;
using WebUI.DockerApi.Tests.Fixtures;
using WebUI.DockerApi.Tests.Identity;

namespace WebUI.DockerApi.Tests.Distribution;

/// <summary>
/// Registry credentials stored server-side from the Registries page: checked against the registry before they are
/// kept, encrypted on disk with the Data Protection key ring under the data root, used by a `docker pull` that brings
/// none (also after a restart), and gone once removed.
/// </summary>
public sealed class StoredCredentialTests
{
    private const string Password = "st0red-Secret-pw";

    [Fact]
    public async Task A_stored_credential_is_encrypted_on_disk_and_pulls_from_a_basic_auth_registry()
    {
        await using var server = await WebSession.StartServerAsync();
        await server.ImportBusyboxAsync();
        await using var registry = await DistributionRegistry.StartAsync("erin", Password);
        var name = $"{registry.Host}/private/stored:1";
        Task<CommandResult> Docker(params string[] args) => server.DockerAsync(args, timeout: TimeSpan.FromSeconds(120));

        // Put the image there with the CLI's own login, then forget that login.
        (await Docker("tag", "busybox:latest", name)).EnsureSuccess();
        (await server.DockerAsync(["login", "-u", "erin", "--password-stdin", registry.Host], stdin: Password + "\n")).EnsureSuccess();
        (await Docker("push", name)).EnsureSuccess();
        (await Docker("logout", registry.Host)).EnsureSuccess();
        (await Docker("rmi", name)).EnsureSuccess();
        Assert.NotEqual(0, (await Docker("pull", name)).ExitCode);

        using var admin = await new WebSession(server).SignedInAsync("admin", WebSession.AdminPassword);
        var wrong = await AddAsync(admin, registry.Host, "erin", "not-the-password");
        Assert.DoesNotContain("Saved the credentials", wrong);
        Assert.False(File.Exists(CredentialsFile(server)) && File.ReadAllText(CredentialsFile(server)).Contains(registry.Host, StringComparison.Ordinal));
        Assert.Contains("is not a registry address", await AddAsync(admin, "not a host!", "erin", Password));

        var saved = await AddAsync(admin, $"http://{registry.Host}/", "erin", Password);
        Assert.Contains($"Saved the credentials for http://{registry.Host}/.", saved);
        Assert.Contains($">{registry.Host}</td>", saved);
        Assert.DoesNotContain(Password, saved);

        // On disk: the registry and the user, never the password (nor its base64), in a directory only root may enter.
        var onDisk = await File.ReadAllBytesAsync(CredentialsFile(server));
        var text = Encoding.UTF8.GetString(onDisk);
        Assert.Contains(registry.Host, text);
        Assert.Contains("erin", text);
        Assert.DoesNotContain(Password, text);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(Password)), text);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("erin:" + Password)), text);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(CredentialsFile(server))!));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(server.DataRoot, "keys"), "key-*.xml"));

        var pull = await Docker("pull", name);
        Assert.True(pull.ExitCode == 0, pull.ToString());
        Assert.Contains($"Status: Downloaded newer image for {name}", pull.Stdout);

        // The credential belongs to its registry only: another one that would accept the same account never gets it.
        await using (var other = await DistributionRegistry.StartAsync("erin", Password))
        {
            var elsewhere = $"{other.Host}/private/stored:1";
            (await Docker("tag", "busybox:latest", elsewhere)).EnsureSuccess();
            Assert.NotEqual(0, (await Docker("push", elsewhere)).ExitCode);
            (await Docker("rmi", elsewhere)).EnsureSuccess();
        }

        // The key ring lives under the data root: after a restart the stored credential still decrypts.
        (await Docker("rmi", name)).EnsureSuccess();
        await server.StopProcessAsync();
        await server.StartProcessAsync();
        (await Docker("pull", name)).EnsureSuccess();
        Assert.DoesNotContain(Password, server.Log);

        using var again = await new WebSession(server).SignedInAsync("admin", WebSession.AdminPassword);
        var removed = await (await again.SubmitAsync("/registries", "registry-remove", new Dictionary<string, string> { ["Remove.Registry"] = registry.Host })).Content.ReadAsStringAsync();
        Assert.Contains($"Removed the credentials for {registry.Host}.", removed);
        Assert.DoesNotContain(registry.Host, await File.ReadAllTextAsync(CredentialsFile(server)));
        (await Docker("rmi", name)).EnsureSuccess();
        Assert.NotEqual(0, (await Docker("pull", name)).ExitCode);
    }

    private static string CredentialsFile(WebUIServer server) => Path.Combine(server.DataRoot, "credentials", "registries.json");

    private static async Task<string> AddAsync(WebSession session, string registry, string user, string password)
    {
        var r = await session.SubmitAsync("/registries", "registry-add", new Dictionary<string, string>
        {
            ["Add.Registry"] = registry, ["Add.Username"] = user, ["Add.Password"] = password,
        });
        var html = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, $"POST /registries: {(int)r.StatusCode}\n{html}");
        return html;
    }
}
