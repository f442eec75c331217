using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.Registry.Tests.Support;

/// <summary>A shared server whose registry the tests use as the bootstrap admin (Basic), also from docker and skopeo.</summary>
public class RegistryServerFixture : ServerFixture
{
    public const string User = "admin";
    public const string Password = "registry-tests-password";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await RegistryLogin.WriteAsync(Server, User, Password);
    }

    protected override void Configure(WebUIServer server) => server.Settings["Auth__BootstrapAdminPassword"] = Password;
}
