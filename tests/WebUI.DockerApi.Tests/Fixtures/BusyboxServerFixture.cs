namespace WebUI.DockerApi.Tests.Fixtures;

/// <summary>A shared server with the busybox image imported as busybox:latest.</summary>
public sealed class BusyboxServerFixture : ServerFixture
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Server.ImportBusyboxAsync();
    }
}
