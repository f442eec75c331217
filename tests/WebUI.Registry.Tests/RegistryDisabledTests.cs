using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.Registry.Tests;

/// <summary>Registry:Enabled=false: no /v2 on the web port.</summary>
public sealed class RegistryDisabledTests
{
    [Fact]
    public async Task A_disabled_registry_serves_nothing_at_v2()
    {
        await using var server = await WebUIServer.StartAsync(s => s.Settings["Registry__Enabled"] = "false");
        // Since logins exist, an unknown path sends an anonymous client to the login page: look at the answer itself,
        // not at the login page a redirect would lead to.
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.WebBase };
        using var r = await http.GetAsync("/v2/");
        Assert.False(r.Headers.Contains("Docker-Distribution-API-Version"));
        Assert.NotEqual(System.Net.HttpStatusCode.OK, r.StatusCode);
    }
}
