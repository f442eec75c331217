using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Networks;

/// <summary>
/// The network tests' server, with the leak check after the suite: when the class is done, its containers and
/// networks are removed through the API (as a user would), the server stops, and nothing of its networking may remain
/// on the host (<see cref="NetworkLeaks"/>): no bridge, veth, route, rule, lease or namespace. A leak fails the run (as
/// the class's cleanup failure, naming each leftover); the server's own cleanup runs either way.
/// </summary>
public sealed class NetworkSuiteFixture : IAsyncLifetime
{
    private readonly BusyboxServerFixture _inner = new();

    public WebUIServer Server => _inner.Server;

    public Task InitializeAsync() => _inner.InitializeAsync();

    public async Task DisposeAsync()
    {
        List<string> leaks;
        try
        {
            var containers = (await Server.Docker("ps", "-aq")).EnsureSuccess().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (containers.Length > 0) (await Server.DockerAsync(["rm", "-f", .. containers])).EnsureSuccess();
            var networks = (await Server.Docker("network", "ls", "-q", "--filter", "type=custom")).EnsureSuccess().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (networks.Length > 0) (await Server.DockerAsync(["network", "rm", .. networks])).EnsureSuccess();
            await Server.StopProcessAsync();
            leaks = await NetworkLeaks.FindAsync(Server);
        }
        finally
        {
            await _inner.DisposeAsync();
        }
        if (leaks.Count > 0) throw new Xunit.Sdk.XunitException($"the network suite left behind:\n{string.Join('\n', leaks)}");
    }
}
