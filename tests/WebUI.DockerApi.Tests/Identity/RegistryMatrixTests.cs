using System.Net;
using System.Net.Http.Headers;

namespace WebUI.DockerApi.Tests.Identity;

/// <summary>
/// The registry's decisions as a matrix: pull, push and delete on a team's repository for anonymous, a Viewer and an
/// Operator of the team, an Operator of another team, and an Admin, each with an API token (Bearer).
/// </summary>
[Collection(AccessCollection.Name)]
public sealed class RegistryMatrixTests(AccessServerFixture fixture)
{
    [Fact]
    public async Task Pull_push_and_delete_by_role_and_team()
    {
        var team = "mx" + Guid.NewGuid().ToString("N")[..6];
        var other = "mo" + Guid.NewGuid().ToString("N")[..6];
        var tokens = new Dictionary<string, string?> { ["anonymous"] = null };
        foreach (var (who, role, t) in new[] { ("viewer", "Viewer", team), ("operator", "Operator", team), ("other-team operator", "Operator", other) })
        {
            var (_, s) = await fixture.UserAsync("mx", role, t);
            using (s) tokens[who] = (await AccessServerFixture.TokenAsync(s)).Token;
        }
        using (var admin = await fixture.AdminAsync()) tokens["admin"] = (await AccessServerFixture.TokenAsync(admin, "mx-admin")).Token;

        // What each may do: pull, push, delete (delete of a digest that is not there: 404 once allowed).
        var expected = new Dictionary<string, (HttpStatusCode Pull, HttpStatusCode Push, HttpStatusCode Delete)>
        {
            ["anonymous"] = (HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized),
            ["viewer"] = (HttpStatusCode.NotFound, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            ["operator"] = (HttpStatusCode.NotFound, HttpStatusCode.Accepted, HttpStatusCode.NotFound),
            ["other-team operator"] = (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            ["admin"] = (HttpStatusCode.NotFound, HttpStatusCode.Accepted, HttpStatusCode.NotFound),
        };
        var missing = "sha256:" + new string('0', 64);
        using var http = new HttpClient { BaseAddress = fixture.Server.WebBase };
        var failures = new List<string>();
        foreach (var (who, (pull, push, delete)) in expected)
        {
            async Task Check(string what, HttpMethod method, string path, HttpStatusCode want)
            {
                using var request = new HttpRequestMessage(method, path);
                if (tokens[who] is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var r = await http.SendAsync(request);
                if (r.StatusCode != want) failures.Add($"{who} {what} {method} {path}: {(int)r.StatusCode}, expected {(int)want}");
            }
            await Check("pull", HttpMethod.Get, $"/v2/{team}/app/manifests/{missing}", pull);
            await Check("push", HttpMethod.Post, $"/v2/{team}/app/blobs/uploads/", push);
            await Check("delete", HttpMethod.Delete, $"/v2/{team}/app/manifests/{missing}", delete);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
