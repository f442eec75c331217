using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using WebUI.DockerApi.Hosting;

namespace WebUI.Identity;

/// <summary>
/// Test support, mapped only when WEBUI_TEST_ENDPOINT_LIST=1: every endpoint of the running app with its authorization
/// metadata, so a test can check that each route carries an explicit decision. Admin only even then.
/// </summary>
internal static class EndpointListEndpoint
{
    public const string EnvironmentVariable = "WEBUI_TEST_ENDPOINT_LIST";
    public const string Path = "/_test/endpoints";

    public static void MapEndpointList(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, (EndpointDataSource endpoints) => endpoints.Endpoints.OfType<RouteEndpoint>().Select(e => new EndpointDescription(
                e.RoutePattern.RawText ?? "",
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [],
                e.DisplayName ?? "",
                e.Metadata.GetMetadata<DockerApiEndpointMetadata>() is not null,
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(),
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList(),
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Roles).OfType<string>().Distinct().ToList(),
                (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Where(m => e.Metadata.GetMetadata<DockerApiEndpointMetadata>() is not null && TcpRouteAllowList.Allows(e, m)).ToList(),
                HubMethods(e.Metadata.GetMetadata<HubMetadata>()?.HubType))))
            .RequireAuthorization(Policies.Admin);

    /// <summary>The methods a client may invoke on a hub: public instance methods declared by the hub (not Hub's own or its overrides).</summary>
    private static List<HubMethodDescription> HubMethods(Type? hub) => hub is null ? [] :
        [.. hub.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == hub)
            .Select(m => new HubMethodDescription(
                hub.Name,
                m.Name,
                [.. m.GetCustomAttributes(inherit: true).OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct()],
                m.GetCustomAttributes(inherit: true).OfType<IAllowAnonymous>().Any(),
                hub.Assembly != typeof(EndpointListEndpoint).Assembly))];
}
