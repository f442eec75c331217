using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Identity;

/// <summary>One server for the login tests: admin from the bootstrap password, sessions validated on every request, the endpoint list on.</summary>
public sealed class IdentityServerFixture : IAsyncLifetime
{
    public WebUIServer Server { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Server = await WebSession.StartServerAsync(s =>
        {
            s.Settings["Auth__SessionValidationInterval"] = "00:00:00";
            s.Settings["WEBUI_TEST_ENDPOINT_LIST"] = "1";
        });

    /// <summary>A new session signed in as the bootstrap admin.</summary>
    public async Task<WebSession> AdminAsync() => await new WebSession(Server).SignedInAsync("admin", WebSession.AdminPassword);

    /// <summary>Creates a user with a unique name (prefix + suffix) and returns a session signed in as them.</summary>
    public async Task<(string Name, WebSession Session)> UserAsync(string prefix, string role, string password = "user-password-1234")
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}";
        using (var admin = await AdminAsync()) await admin.CreateUserAsync(name, password, role);
        return (name, await new WebSession(Server).SignedInAsync(name, password));
    }

    public async Task DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
    }
}
