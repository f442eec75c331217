using System.Net;
using System.Text.Json;
using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Daemon;

public sealed class DaemonApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private WebUIServer Server => fixture.Server;

    [Fact]
    public async Task Ping_answers_OK_with_the_headers_the_cli_negotiates_with()
    {
        using var http = Server.CreateHttpClient();
        using var get = await http.GetAsync("/_ping");
        Assert.Equal("OK", await get.Content.ReadAsStringAsync());
        Assert.Equal("1.44", get.Headers.GetValues("Api-Version").Single());
        Assert.Equal("linux", get.Headers.GetValues("Ostype").Single());

        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/_ping"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("1.44", head.Headers.GetValues("Api-Version").Single());
    }

    [Fact]
    public async Task Docker_version_negotiates_down_to_our_api_version()
    {
        var r = (await Server.Docker("version", "--format", "{{.Server.APIVersion}} {{.Client.APIVersion}} {{.Server.Os}}")).EnsureSuccess();
        Assert.Equal("1.44 1.44 linux", r.Stdout.Trim());
    }

    [Fact]
    public async Task Docker_info_reports_the_data_root_and_runtime()
    {
        var r = (await Server.Docker("info", "--format", "{{.DockerRootDir}}|{{.DefaultRuntime}}|{{.OSType}}|{{.NCPU}}")).EnsureSuccess();
        Assert.Equal($"{Server.DataRoot}|runc|linux|{Environment.ProcessorCount}", r.Stdout.Trim());
    }

    [Fact]
    public async Task A_too_new_version_prefix_is_refused_with_dockers_message()
    {
        using var http = Server.CreateHttpClient();
        using var r = await http.GetAsync("/v1.99/version");
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("application/json", r.Content.Headers.ContentType?.ToString());
        using var body = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        Assert.Equal("client version 1.99 is too new. Maximum supported API version is 1.44", body.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Versioned_and_unversioned_paths_reach_the_same_route()
    {
        using var http = Server.CreateHttpClient();
        using var a = JsonDocument.Parse(await http.GetStringAsync("/v1.41/version"));
        using var b = JsonDocument.Parse(await http.GetStringAsync("/version"));
        Assert.Equal("1.44", a.RootElement.GetProperty("ApiVersion").GetString());
        Assert.Equal(a.RootElement.GetProperty("Version").GetString(), b.RootElement.GetProperty("Version").GetString());
    }

    [Fact]
    public async Task An_unknown_route_is_a_json_404()
    {
        using var http = Server.CreateHttpClient();
        using var r = await http.GetAsync("/no/such/route");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Equal("application/json", r.Content.Headers.ContentType?.ToString());
        Assert.Contains("page not found", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_web_port_does_not_serve_the_docker_api()
    {
        using var web = new HttpClient { BaseAddress = Server.WebBase };
        using var r = await web.GetAsync("/version");
        Assert.False(r.Headers.Contains("Api-Version"));
        Assert.DoesNotContain("ApiVersion", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_socket_is_not_world_accessible()
    {
        var mode = File.GetUnixFileMode(Server.Socket);
        Assert.Equal(UnixFileMode.None, mode & (UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute));
        var r = await Server.DockerAsync(["version"]);
        Assert.Equal(0, r.ExitCode);
    }
}
