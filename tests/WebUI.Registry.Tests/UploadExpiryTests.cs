using System.Net;
using WebUI.DockerApi.Tests.Fixtures;
using WebUI.Registry.Tests.Support;

namespace WebUI.Registry.Tests;

/// <summary>Abandoned upload sessions expire (a server configured with a one-second expiry).</summary>
public sealed class UploadExpiryTests : IAsyncLifetime
{
    private WebUIServer? _server;

    public async Task InitializeAsync() => _server = await WebUIServer.StartAsync(s =>
    {
        s.Settings["Auth__BootstrapAdminPassword"] = RegistryServerFixture.Password;
        s.Settings["Registry__UploadSessionExpiry"] = "00:00:01";
        s.Settings["Registry__UploadSweepInterval"] = "00:00:00.250";
    });

    [Fact]
    public async Task An_abandoned_upload_session_is_removed_with_its_data()
    {
        using var registry = new RegistryHttp(_server!);
        using var start = await registry.Http.PostAsync("/v2/idle/blobs/uploads/", null);
        using var patch = await registry.Http.PatchAsync(start.Headers.Location!, RegistryHttp.Bytes(new byte[1000]));
        Assert.Equal(HttpStatusCode.Accepted, patch.StatusCode);
        var id = start.Headers.GetValues("Docker-Upload-UUID").Single();
        var dir = Path.Combine(_server!.DataRoot, "registry", "_uploads", id);
        Assert.True(Directory.Exists(dir));

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (Directory.Exists(dir) && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.False(Directory.Exists(dir));
        using var status = await registry.Http.GetAsync(start.Headers.Location!);
        Assert.Equal("BLOB_UPLOAD_UNKNOWN", await RegistryHttp.ErrorCodeAsync(status));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
