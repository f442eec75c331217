using System.Net;
using System.Net.Http.Json;
using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Identity;

/// <summary>
/// The choke point seen from the TCP listener with an Operator's token: each way to reach the host (issue 8's bypass
/// list) is refused with a message naming it, and nothing is created; an Admin setting opens one of them.
/// </summary>
[Collection(AccessCollection.Name)]
public sealed class AdmissionTests(AccessServerFixture fixture)
{
    private async Task<string> OperatorTokenAsync()
    {
        var (_, session) = await fixture.UserAsync("adm", "Operator");
        using (session) return (await AccessServerFixture.TokenAsync(session)).Token;
    }

    private async Task AssertRefusedAsync(string token, string expected, params string[] runArgs)
    {
        var name = "bypass-" + Guid.NewGuid().ToString("N")[..8];
        var r = await fixture.DockerTcpAsync(token, ["create", "--name", name, "--network", "none", .. runArgs]);
        Assert.True(r.ExitCode != 0, $"{string.Join(' ', runArgs)} was allowed: {r}");
        Assert.True(r.Stderr.Contains("refused for adm-", StringComparison.Ordinal) && r.Stderr.Contains(expected, StringComparison.Ordinal), $"expected \"{expected}\": {r}");
        Assert.DoesNotContain(name, await fixture.AllContainerNamesAsync());
    }

    [Fact]
    public async Task Host_binds_are_refused_through_every_field()
    {
        var token = await OperatorTokenAsync();
        await AssertRefusedAsync(token, "host bind mount /etc (HostConfig.Binds[0])", "-v", "/etc:/host-etc", "busybox");
        await AssertRefusedAsync(token, "host bind mount /etc (HostConfig.Mounts[0], type=bind)", "--mount", "type=bind,source=/etc,target=/host-etc", "busybox");
        await AssertRefusedAsync(token, "volume option o=bind", "--mount", "type=volume,source=sneaky,target=/x,volume-driver=local,volume-opt=type=none,volume-opt=o=bind,volume-opt=device=/etc", "busybox");
        await AssertRefusedAsync(token, "(needs an Admin", "--device", "/dev/kmsg", "busybox");

        // docker volume create with o=bind is refused at the volume itself ...
        var volume = "bindvol-" + Guid.NewGuid().ToString("N")[..6];
        var created = await fixture.DockerTcpAsync(token, "volume", "create", "--opt", "type=none", "--opt", "o=bind", "--opt", "device=/etc", volume);
        Assert.NotEqual(0, created.ExitCode);
        Assert.Contains("volume option o=bind", created.Stderr);
        Assert.DoesNotContain(volume, (await fixture.Server.Docker("volume", "ls", "-q")).Stdout);
        // ... and one root made on the socket cannot be used by the Operator either.
        (await fixture.Server.Docker("volume", "create", "--opt", "type=none", "--opt", "o=bind", "--opt", "device=/etc", volume)).EnsureSuccess();
        await AssertRefusedAsync(token, $"volume {volume} (HostConfig.Binds[0])", "-v", $"{volume}:/x", "busybox");
        await AssertRefusedAsync(token, $"volume {volume} (HostConfig.Mounts[0])", "--mount", $"type=volume,source={volume},target=/x", "busybox");

        // --volumes-from a container (made by root) that has a host mount.
        var holder = "holder-" + Guid.NewGuid().ToString("N")[..6];
        (await fixture.Server.Docker("create", "--name", holder, "--network", "none", "-v", "/etc:/host-etc:ro", "busybox")).EnsureSuccess();
        await AssertRefusedAsync(token, $"--volumes-from {holder}: that container has host mounts", "--volumes-from", holder, "busybox");
        (await fixture.Server.Docker("rm", holder)).EnsureSuccess();
        (await fixture.Server.Docker("volume", "rm", volume)).EnsureSuccess();
    }

    [Fact]
    public async Task Privileged_capabilities_namespaces_sysctls_and_security_options_are_refused()
    {
        var token = await OperatorTokenAsync();
        await AssertRefusedAsync(token, "--privileged", "--privileged", "busybox");
        await AssertRefusedAsync(token, "--cap-add CAP_SYS_ADMIN", "--cap-add", "SYS_ADMIN", "busybox");
        await AssertRefusedAsync(token, "PidMode=host", "--pid", "host", "busybox");
        await AssertRefusedAsync(token, "IpcMode=host", "--ipc", "host", "busybox");
        await AssertRefusedAsync(token, "UTSMode=host", "--uts", "host", "busybox");
        await AssertRefusedAsync(token, "--sysctl net.ipv4.ip_forward", "--sysctl", "net.ipv4.ip_forward=1", "busybox");
        await AssertRefusedAsync(token, "--security-opt seccomp=unconfined", "--security-opt", "seccomp=unconfined", "busybox");
        // All at once: one message names every problem.
        var all = await fixture.DockerTcpAsync(token, "create", "--privileged", "--cap-add", "NET_ADMIN", "-v", "/:/host", "busybox");
        Assert.Contains("--privileged", all.Stderr);
        Assert.Contains("--cap-add CAP_NET_ADMIN", all.Stderr);
        Assert.Contains("host bind mount /", all.Stderr);

        // Host networking: the run-level flag the CLI sends as HostConfig.NetworkMode.
        var net = await fixture.DockerTcpAsync(token, "create", "--network", "host", "busybox");
        Assert.Contains("NetworkMode=host", net.Stderr);

        // exec --privileged into an Operator's own running container.
        var name = "exec-priv-" + Guid.NewGuid().ToString("N")[..6];
        (await fixture.DockerTcpAsync(token, "run", "-d", "--name", name, "--network", "none", "busybox", "sleep", "60")).EnsureSuccess();
        var exec = await fixture.DockerTcpAsync(token, "exec", "--privileged", name, "true");
        Assert.NotEqual(0, exec.ExitCode);
        Assert.Contains("--privileged", exec.Stderr);
        (await fixture.DockerTcpAsync(token, "exec", name, "true")).EnsureSuccess();
        (await fixture.DockerTcpAsync(token, "rm", "-f", name)).EnsureSuccess();
    }

    [Fact]
    public async Task An_admin_setting_opens_one_door_and_root_and_admins_are_not_restricted()
    {
        var token = await OperatorTokenAsync();
        using var admin = await fixture.AdminAsync();
        var name = "capadd-" + Guid.NewGuid().ToString("N")[..6];
        var saved = await admin.SubmitAsync("/admin/security", "security", new Dictionary<string, string> { ["Input.AllowCapAdd"] = "true" });
        Assert.Contains("Saved.", await saved.Content.ReadAsStringAsync());
        try
        {
            (await fixture.DockerTcpAsync(token, "create", "--name", name, "--network", "none", "--cap-add", "NET_ADMIN", "busybox")).EnsureSuccess();
            // Only that door: privileged stays closed.
            await AssertRefusedAsync(token, "--privileged", "--privileged", "busybox");
        }
        finally
        {
            await admin.SubmitAsync("/admin/security", "security", new Dictionary<string, string>());
        }
        await AssertRefusedAsync(token, "--cap-add CAP_NET_ADMIN", "--cap-add", "NET_ADMIN", "busybox");
        (await fixture.Server.Docker("rm", name)).EnsureSuccess();

        // The socket is root; an Admin's token is not restricted either.
        var rootMade = "root-priv-" + Guid.NewGuid().ToString("N")[..6];
        (await fixture.Server.Docker("create", "--name", rootMade, "--network", "none", "--privileged", "busybox")).EnsureSuccess();
        var (_, adminToken) = await AccessServerFixture.TokenAsync(admin, "admin-token");
        (await fixture.DockerTcpAsync(adminToken, "rm", rootMade)).EnsureSuccess();
        var csv = await (await admin.GetAsync("/admin/audit.csv?action=settings.change")).Content.ReadAsStringAsync();
        Assert.Contains("AllowCapAdd = True", csv);
    }

    [Fact]
    public async Task A_network_on_a_host_interface_needs_an_admin_or_its_setting()
    {
        var token = await OperatorTokenAsync();
        var parent = "wa" + Guid.NewGuid().ToString("N")[..8];
        var net = "hostif-" + Guid.NewGuid().ToString("N")[..6];
        using var admin = await fixture.AdminAsync();
        try
        {
            (await ProcessRunner.RunAsync("ip", ["link", "add", parent, "type", "veth", "peer", "name", parent + "p"])).EnsureSuccess();
            string[] create = ["network", "create", "-d", "macvlan", "-o", $"parent={parent}", "--subnet", fixture.Server.Subnets.NextSubnet(), net];
            var refused = await fixture.DockerTcpAsync(token, create);
            Assert.True(refused.ExitCode != 0, refused.ToString());
            Assert.Contains($"a macvlan network on host interface {parent} (needs an Admin, or the Admin setting \"Allow networks on host interfaces\")", refused.Stderr);
            Assert.DoesNotContain(net, (await fixture.Server.Docker("network", "ls", "--format", "{{.Name}}")).Stdout);
            // A bridge network stays open to the Operator.
            var bridge = "opbr-" + Guid.NewGuid().ToString("N")[..6];
            (await fixture.DockerTcpAsync(token, "network", "create", bridge)).EnsureSuccess();
            (await fixture.DockerTcpAsync(token, "network", "rm", bridge)).EnsureSuccess();

            var saved = await admin.SubmitAsync("/admin/security", "security", new Dictionary<string, string> { ["Input.AllowHostInterfaceNetworks"] = "true" });
            Assert.Contains("Saved.", await saved.Content.ReadAsStringAsync());
            (await fixture.DockerTcpAsync(token, create)).EnsureSuccess();
            Assert.Equal("macvlan", (await fixture.Server.Docker("network", "inspect", "-f", "{{.Driver}}", net)).EnsureSuccess().Stdout.Trim());
        }
        finally
        {
            await admin.SubmitAsync("/admin/security", "security", new Dictionary<string, string>());
            await fixture.Server.Docker("network", "rm", net);
            await ProcessRunner.RunAsync("ip", ["link", "del", parent]);
        }
    }

    [Fact]
    public async Task A_viewer_token_cannot_create_or_exec()
    {
        var (_, session) = await fixture.UserAsync("view", "Viewer");
        using (session)
        {
            var (_, token) = await AccessServerFixture.TokenAsync(session);
            (await fixture.DockerTcpAsync(token, "ps")).EnsureSuccess();
            var r = await fixture.DockerTcpAsync(token, "create", "busybox");
            Assert.NotEqual(0, r.ExitCode);
            Assert.Contains("is read-only", r.Stderr);
            using var http = fixture.TcpClient(token);
            Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsJsonAsync("/volumes/create", new { Name = "viewer-vol" })).StatusCode);
        }
    }
}
