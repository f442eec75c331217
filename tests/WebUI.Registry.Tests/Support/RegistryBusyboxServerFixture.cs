namespace WebUI.Registry.Tests.Support;

/// <summary>A <see cref="RegistryServerFixture"/> with busybox:latest imported.</summary>
public sealed class RegistryBusyboxServerFixture : RegistryServerFixture
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Server.ImportBusyboxAsync();
    }
}
