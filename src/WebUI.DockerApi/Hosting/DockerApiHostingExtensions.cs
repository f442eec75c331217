using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WebUI.DockerApi.Build;
using WebUI.DockerApi.Commit;
using WebUI.DockerApi.Containers;
using WebUI.DockerApi.Distribution;
using WebUI.DockerApi.Events;
using WebUI.DockerApi.Exec;
using WebUI.DockerApi.SystemDf;
using WebUI.DockerApi.Images;
using WebUI.DockerApi.Networks;
using WebUI.DockerApi.Volumes;
using WebUI.DockerApi.Daemon;
using WebUI.Engine;

namespace WebUI.DockerApi.Hosting;

/// <summary>Adds the Docker Engine API front door: the unix socket listener, its middleware and its routes.</summary>
public static class DockerApiHostingExtensions
{
    /// <summary>The web URLs used when "Urls" is not configured: loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:8080";

    public static WebApplicationBuilder AddDockerApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DockerApiOptions>().BindConfiguration(DockerApiOptions.SectionName);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Routing.MatcherPolicy, DockerApiMatcherPolicy>());
        builder.Services.AddSingleton<IHostedService, SocketPermissionsService>();

        var socket = SocketPath(builder.Configuration);
        var tcp = TcpEndpoint(builder.Configuration);
        var urls = builder.Configuration["Urls"] ?? builder.Configuration["urls"] ?? DefaultUrls;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            SocketListener.ListenOnUrls(kestrel, urls);
            SocketListener.PrepareDirectory(socket);
            kestrel.ListenUnixSocket(socket, listen => UseDockerConnection(listen, DockerApiConnectionFeature.Instance));
            if (tcp is not null) kestrel.Listen(tcp, listen => UseDockerConnection(listen, DockerApiConnectionFeature.Tcp));
        });
        return builder;
    }

    private static void UseDockerConnection(Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions listen, DockerApiConnectionFeature feature)
    {
        listen.Use(next => connection =>
        {
            connection.Features.Set(feature);
            return next(connection);
        });
        listen.Use(next => new UpgradeBodyConnectionMiddleware(next).OnConnectionAsync);
        listen.Use(next => new HalfCloseConnectionMiddleware(next).OnConnectionAsync);
    }

    /// <summary>DockerApi:Tcp as an endpoint; null when off. Only an IP address (no host names): what it binds must be explicit.</summary>
    public static System.Net.IPEndPoint? TcpEndpoint(IConfiguration configuration)
    {
        var configured = configuration[$"{DockerApiOptions.SectionName}:Tcp"];
        if (string.IsNullOrWhiteSpace(configured)) return null;
        if (!System.Net.IPEndPoint.TryParse(configured.Trim(), out var endpoint) || endpoint.Port == 0)
            throw new InvalidOperationException($"DockerApi:Tcp: '{configured}' is not an ip:port address (e.g. 127.0.0.1:2375)");
        return endpoint;
    }

    /// <summary>The socket path from DockerApi:Socket, else &lt;Engine:ExecRoot&gt;/docker.sock.</summary>
    public static string SocketPath(IConfiguration configuration)
    {
        var configured = configuration[$"{DockerApiOptions.SectionName}:Socket"];
        if (!string.IsNullOrEmpty(configured)) return configured;
        var execRoot = configuration[$"{EngineOptions.SectionName}:ExecRoot"];
        return Path.Combine(string.IsNullOrEmpty(execRoot) ? new EngineOptions().ExecRoot : execRoot, "docker.sock");
    }

    /// <summary>Docker API middleware, on Docker API connections only; call before UseRouting.</summary>
    public static IApplicationBuilder UseDockerApi(this IApplicationBuilder app) =>
        app.UseWhen(DockerApiRequest.IsDockerApi, docker => docker
            .UseMiddleware<DockerErrorMiddleware>()
            .UseMiddleware<ApiVersionMiddleware>()
            .UseMiddleware<DockerApiCallerMiddleware>());

    /// <summary>Maps every Docker API route, marked so they match only on Docker API connections.</summary>
    public static IEndpointRouteBuilder MapDockerApi(this IEndpointRouteBuilder app)
    {
        // No cookie login here: the socket is root-only (0660, like docker.sock), so reaching it already means root, and
        // the TCP listener demands an API token per request (DockerApiCallerMiddleware) and serves only its allow-list.
        // This is the one place that says so; the web port never matches these routes (DockerApiMatcherPolicy).
        var api = app.MapGroup("").WithMetadata(DockerApiEndpointMetadata.Instance).AllowAnonymous();
        api.MapDaemonApi();
        api.MapImagesApi();
        api.MapDistributionApi();
        api.MapContainersApi();
        api.MapArchiveApi();
        api.MapExecApi();
        api.MapContainerOperationsApi();
        api.MapSystemDfApi();
        api.MapEventsApi();
        api.MapVolumesApi();
        api.MapNetworksApi();
        api.MapBuildApi();
        api.MapCommitApi();
        return app;
    }
}
