using System.Net;
using System.Text;
using System.Text.Json;
using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Containers;

/// <summary>Bad input to the container endpoints gets Docker's status and a clear message, and creates nothing.</summary>
public sealed class ContainerInputTests(BusyboxServerFixture fixture) : IClassFixture<BusyboxServerFixture>
{
    private WebUIServer Server => fixture.Server;

    private async Task<int> ContainerCountAsync() =>
        (await Server.Docker("ps", "-aq")).EnsureSuccess().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

    [Fact]
    public async Task Malformed_create_json_is_a_400_naming_the_problem_and_creates_nothing()
    {
        var before = await ContainerCountAsync();
        using var http = Server.CreateHttpClient();
        using var r = await http.PostAsync("/v1.44/containers/create", new StringContent("{\"Image\": \"busybox\", \"Cmd\": [\"true\"", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        using var body = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        Assert.Contains("JSON", body.RootElement.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await ContainerCountAsync());
    }

    [Fact]
    public async Task Running_an_unknown_image_fails_clearly_and_creates_nothing()
    {
        var before = await ContainerCountAsync();
        var r = await Server.Docker("run", "--rm", "no-such-image:1");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("no-such-image", r.Stderr);
        Assert.Equal(before, await ContainerCountAsync());
    }

    [Fact]
    public async Task An_invalid_container_name_is_refused()
    {
        var r = await Server.Docker("create", "--name", "bad name!", "busybox");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("Invalid container name", r.Stderr);
    }

    [Fact]
    public async Task Commands_on_an_unknown_container_say_no_such_container()
    {
        var r = await Server.Docker("stop", "no-such-container");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("No such container: no-such-container", r.Stderr);
    }

    [Fact]
    public async Task Resize_changes_the_terminal_size_the_container_sees()
    {
        var id = (await Server.Docker("run", "-d", "-t", "busybox", "sh", "-c", "sleep 1; stty size; sleep 30")).EnsureSuccess().Stdout.Trim();
        try
        {
            using var http = Server.CreateHttpClient();
            using var r = await http.PostAsync($"/v1.44/containers/{id}/resize?h=33&w=101", null);
            Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());

            var deadline = DateTime.UtcNow.AddSeconds(20);
            string logs;
            do
            {
                await Task.Delay(200);
                logs = (await Server.Docker("logs", id)).Stdout;
            } while (!logs.Contains("33 101") && DateTime.UtcNow < deadline);
            Assert.Contains("33 101", logs);
        }
        finally
        {
            await Server.Docker("rm", "-f", id);
        }
    }
}
