using System.Net;
using System.Net.Http.Headers;
using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Identity;

/// <summary>
/// The audit log sees the front doors that refuse or change outside the dashboard: the TCP listener's refusals (no,
/// unknown or revoked token; a route not on the allow-list; a Viewer's change) and the registry's pushes, uploads and
/// deletes, each with who, from where, what, on which resource and the result (read back from the Admin CSV export).
/// </summary>
[Collection(AccessCollection.Name)]
public sealed class AccessAuditTests(AccessServerFixture fixture)
{
    private string Registry => $"127.0.0.1:{fixture.Server.Port}";

    private async Task<string> CsvAsync(string query)
    {
        using var admin = await fixture.AdminAsync();
        return await (await admin.GetAsync("/admin/audit.csv?" + query)).Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Refusals_on_the_tcp_listener_are_audited_with_who_and_why()
    {
        var (name, session) = await fixture.UserAsync("audtcp", "Operator");
        var (viewerName, viewerSession) = await fixture.UserAsync("audview", "Viewer");
        string id, token, viewerToken;
        using (viewerSession) viewerToken = (await AccessServerFixture.TokenAsync(viewerSession)).Token;
        using (session)
        {
            (id, token) = await AccessServerFixture.TokenAsync(session);
            await AccessServerFixture.RevokeAsync(session, id);
        }
        var forged = token[..^4] + "AAAA";
        using (var anonymous = fixture.TcpClient(null))
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/containers/json?audit-anon")).StatusCode);
        using (var revoked = fixture.TcpClient(token))
            Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync("/images/json")).StatusCode);
        using (var wrong = fixture.TcpClient(forged))
            Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.PostAsync("/volumes/create", null)).StatusCode);
        using (var viewer = fixture.TcpClient(viewerToken))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/networks/prune", null)).StatusCode);
            // Not on the allow-list (system df): routing's 404, audited although it is a GET.
            Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/system/df")).StatusCode);
            // An allowed read is not audited.
            Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/volumes")).StatusCode);
        }

        var csv = await CsvAsync("");
        var from = @"tcp 127\.0\.0\.1,docker-api";
        Assert.Matches($@"(?m)^\S+,anonymous,{from},GET /containers/json,,401,refused: no API token$", csv);
        Assert.Matches($@"(?m)^\S+,token {id},{from},GET /images/json,,401,""refused: unknown, revoked or expired API token""$", csv);
        Assert.Matches($@"(?m)^\S+,token {id},{from},POST /volumes/create,,401,""refused: unknown, revoked or expired API token""$", csv);
        Assert.Matches($@"(?m)^\S+,{viewerName},{from},POST /networks/prune,,403,refused: read-only role$", csv);
        Assert.Matches($@"(?m)^\S+,{viewerName},{from},GET /system/df,,404,refused: route not on the TCP allow-list$", csv);
        Assert.DoesNotMatch($@"(?m)^\S+,{viewerName},{from},GET /volumes,", csv);
        Assert.DoesNotContain(token, csv);
        // The revoked token's user is not named: the listener does not know who presented it.
        Assert.DoesNotMatch($@"(?m)^\S+,{name},tcp ", csv);
    }

    [Fact]
    public async Task Docker_run_on_the_socket_audits_its_create_attach_wait_and_start()
    {
        // The recorder queues these rows instead of waiting for their commit; the export still shows all of them at once.
        var name = "audrun-" + Guid.NewGuid().ToString("N")[..6];
        var cidFile = Path.Combine(Path.GetTempPath(), name + ".cid");
        try
        {
            (await fixture.Server.Docker("run", "--rm", "--cidfile", cidFile, "--name", name, "--network", "none", "busybox", "true")).EnsureSuccess();
            var id = (await File.ReadAllTextAsync(cidFile)).Trim();
            Assert.Matches("^[0-9a-f]{64}$", id);

            var csv = await CsvAsync("user=" + Uri.EscapeDataString("docker-api (uid 0)"));
            var socket = @"docker-api \(uid 0\),unix socket,docker-api";
            Assert.Matches($@"(?m)^\S+,{socket},POST /containers/create,{name},201,$", csv);
            Assert.Matches($@"(?m)^\S+,{socket},POST /containers/{{id}}/attach,{id},101,$", csv);
            Assert.Matches($@"(?m)^\S+,{socket},POST /containers/{{id}}/wait,{id},200,$", csv);
            Assert.Matches($@"(?m)^\S+,{socket},POST /containers/{{id}}/start,{id},204,$", csv);
        }
        finally
        {
            File.Delete(cidFile);
        }
    }

    [Fact]
    public async Task Registry_pushes_uploads_and_deletes_are_audited_with_the_caller_and_result()
    {
        var (opName, team, token) = await fixture.TeamOperatorAsync("ra");
        var (otherName, _, otherToken) = await fixture.TeamOperatorAsync("rb");
        var repo = $"{team}/audited";
        var image = $"{Registry}/{repo}:1";
        (await fixture.Server.Docker("tag", "busybox:latest", image)).EnsureSuccess();
        try
        {
            (await fixture.Server.DockerAsync(["login", "-u", opName, "--password-stdin", Registry], stdin: token + "\n")).EnsureSuccess();
            (await fixture.Server.Docker("push", image)).EnsureSuccess();
        }
        finally
        {
            await fixture.Server.Docker("logout", Registry);
            await fixture.Server.Docker("rmi", image);
        }
        // Another team's push into this team's repository: refused, and recorded as denied.
        var forged = await ProcessRunner.RunAsync("skopeo", ["copy", "--src-tls-verify=false", "--dest-tls-verify=false",
            "--src-creds", $"{opName}:{token}", "--dest-creds", $"{otherName}:{otherToken}", $"docker://{image}", $"docker://{Registry}/{repo}:forged"],
            timeout: TimeSpan.FromSeconds(90));
        Assert.NotEqual(0, forged.ExitCode);

        using var http = new HttpClient { BaseAddress = fixture.Server.WebBase };
        var head = new HttpRequestMessage(HttpMethod.Head, $"/v2/{repo}/manifests/1");
        head.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        head.Headers.Accept.ParseAdd("application/vnd.docker.distribution.manifest.v2+json");
        head.Headers.Accept.ParseAdd("application/vnd.oci.image.manifest.v1+json");
        var digest = (await http.SendAsync(head)).Headers.GetValues("Docker-Content-Digest").Single();
        var otherDelete = new HttpRequestMessage(HttpMethod.Delete, $"/v2/{repo}/manifests/{digest}");
        otherDelete.Headers.Authorization = new AuthenticationHeaderValue("Bearer", otherToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(otherDelete)).StatusCode);
        var delete = new HttpRequestMessage(HttpMethod.Delete, $"/v2/{repo}/manifests/{digest}");
        delete.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Accepted, (await http.SendAsync(delete)).StatusCode);

        var csv = await CsvAsync("");
        var registry = @"127\.0\.0\.1,registry";
        Assert.Matches($@"(?m)^\S+,{opName},{registry},registry.upload-start,{repo}\S*,success,POST /v2/{repo}/blobs/uploads/: 202$", csv);
        Assert.Matches($@"(?m)^\S+,{opName},{registry},registry.upload-finish,{repo}@sha256:[0-9a-f]{{64}},success,PUT /v2/{repo}/blobs/uploads/\S+: 201$", csv);
        Assert.Matches($@"(?m)^\S+,{opName},{registry},registry.manifest-push,{repo}:1,success,PUT /v2/{repo}/manifests/1: 201$", csv);
        Assert.Matches($@"(?m)^\S+,{otherName},{registry},registry\.[a-z-]+,{repo}\S*,denied,", csv);
        Assert.Matches($@"(?m)^\S+,{otherName},{registry},registry.manifest-delete,{repo}@{digest},denied,DELETE /v2/{repo}/manifests/{digest}: 403$", csv);
        Assert.Matches($@"(?m)^\S+,{opName},{registry},registry.manifest-delete,{repo}@{digest},success,DELETE /v2/{repo}/manifests/{digest}: 202$", csv);
        Assert.DoesNotContain(token, csv);
    }
}
