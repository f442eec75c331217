using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using WebUI.DockerApi.Hosting;
using WebUI.Engine.Containers;
using WebUI.Engine.Errors;
using WebUI.Engine.Networks;

namespace WebUI.DockerApi.Networks;

/// <summary>Docker Engine API: /networks.</summary>
public static class NetworksApi
{
    public static IEndpointRouteBuilder MapNetworksApi(this IEndpointRouteBuilder app)
    {
        var networks = app.MapGroup("/networks");
        networks.MapGet("", List);
        networks.MapPost("/create", CreateAsync);
        networks.MapPost("/prune", PruneAsync);
        networks.MapGet("/{id}", Inspect);
        networks.MapDelete("/{id}", RemoveAsync);
        networks.MapPost("/{id}/connect", ConnectAsync);
        networks.MapPost("/{id}/disconnect", DisconnectAsync);
        return app;
    }

    private static IResult List(HttpContext context, [FromServices] INetworkManager networks) =>
        Results.Json(networks.List(DockerQuery.Filters(context.Request)).Select(n => NetworkResponses.Resource(n, networks, withContainers: false)).ToList(), DockerJson.Options);

    /// <summary>The network's containers are those the caller may see: another team's on a shared network are left out.</summary>
    private static IResult Inspect(string id, [FromServices] INetworkManager networks, [FromServices] IContainerService containers)
    {
        var network = networks.Get(id);
        var visible = containers.List(new ContainerListOptions { All = true }).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return Results.Json(NetworkResponses.Resource(network, networks, withContainers: true, visible.Contains), DockerJson.Options);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, [FromServices] INetworkManager networks)
    {
        var body = await DockerRequestBody.ReadJsonAsync(context, () => new NetworkCreateBody(), context.RequestAborted);
        if (string.IsNullOrEmpty(body.Name)) throw EngineException.Invalid("network name is required");
        if (body.Ingress || body.ConfigOnly || body.Scope is "swarm" or "global")
            throw EngineException.Invalid("ingress, config-only and swarm-scoped networks need swarm mode, which this engine does not run");
        var created = await networks.CreateAsync(new NetworkCreateRequest
        {
            Name = body.Name,
            Driver = string.IsNullOrEmpty(body.Driver) ? "bridge" : body.Driver,
            Internal = body.Internal,
            Attachable = body.Attachable,
            EnableIPv6 = body.EnableIPv6 == true,
            IpamDriver = body.IPAM?.Driver ?? "default",
            Ipam = [.. (body.IPAM?.Config ?? []).Select(c => new IpamPool(c.Subnet ?? "", c.Gateway ?? "", c.IPRange))],
            Options = body.Options ?? new Dictionary<string, string>(),
            Labels = body.Labels ?? new Dictionary<string, string>(),
        }, context.RequestAborted);
        return Results.Json(new NetworkCreateResponse(created.Id, ""), DockerJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> RemoveAsync(string id, HttpContext context, [FromServices] INetworkManager networks)
    {
        await networks.RemoveAsync(id, context.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> PruneAsync(HttpContext context, [FromServices] INetworkManager networks)
    {
        var deleted = await networks.PruneAsync(DockerQuery.Filters(context.Request), context.RequestAborted);
        return Results.Json(new NetworkPruneResponse(deleted), DockerJson.Options);
    }

    private static async Task<IResult> ConnectAsync(string id, HttpContext context, [FromServices] INetworkManager networks, [FromServices] IContainerService containers)
    {
        var body = await DockerRequestBody.ReadJsonAsync(context, () => new NetworkConnectBody(), context.RequestAborted);
        var container = containers.Get(body.Container);
        await networks.ConnectAsync(id, container.Id, body.EndpointConfig?.ToConfig() ?? new EndpointConfig(), context.RequestAborted);
        return Results.Ok();
    }

    private static async Task<IResult> DisconnectAsync(string id, HttpContext context, [FromServices] INetworkManager networks, [FromServices] IContainerService containers)
    {
        var body = await DockerRequestBody.ReadJsonAsync(context, () => new NetworkConnectBody(), context.RequestAborted);
        var container = containers.Get(body.Container);
        await networks.DisconnectAsync(id, container.Id, body.Force, context.RequestAborted);
        return Results.Ok();
    }
}
