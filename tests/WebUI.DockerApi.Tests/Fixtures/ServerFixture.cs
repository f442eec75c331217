namespace WebUI.DockerApi.Tests.Fixtures;

/// <summary>A server shared by the tests of one class (IClassFixture), removed with everything it made.</summary>
public class ServerFixture : IAsyncLifetime
{
    private WebUIServer? _server;

    public WebUIServer Server => _server ?? throw new InvalidOperationException("server not started");

    public virtual async Task InitializeAsync() => _server = await WebUIServer.StartAsync(Configure);

    /// <summary>Settings for the server before it starts.</summary>
    protected virtual void Configure(WebUIServer server)
    {
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
