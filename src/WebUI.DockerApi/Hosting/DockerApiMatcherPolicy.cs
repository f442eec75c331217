using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;

namespace WebUI.DockerApi.Hosting;

/// <summary>
/// Splits one endpoint table between two front doors: Docker API routes match only on Docker API connections,
/// everything else (dashboard, registry) only on the others; on the TCP listener only <see cref="TcpRouteAllowList"/>'s routes. So "/containers/json" on the web port is never the Docker API.
/// </summary>
internal sealed class DockerApiMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => 0;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) => true;

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var connection = httpContext.Features.Get<DockerApiConnectionFeature>();
        var onDockerConnection = connection is not null;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!candidates.IsValidCandidate(i)) continue;
            var isDockerRoute = candidates[i].Endpoint.Metadata.GetMetadata<DockerApiEndpointMetadata>() is not null;
            // On TCP only the allow-listed routes exist: anything else is 404, never passed through.
            if (isDockerRoute != onDockerConnection || (connection?.IsTcp == true && !TcpRouteAllowList.Allows(candidates[i].Endpoint, httpContext.Request.Method)))
                candidates.SetValidity(i, false);
        }
        return Task.CompletedTask;
    }
}
