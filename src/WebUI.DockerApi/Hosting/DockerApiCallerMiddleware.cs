using System.Text.Json;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WebUI.Engine.Security.Admission;

namespace WebUI.DockerApi.Hosting;

/// <summary>
/// Says who calls the Docker API, for the engine's choke point, exec recordings and the audit log: on the unix socket
/// root (root-only, like docker.sock) named by the peer's credentials ("docker-api (uid N)"); on the TCP listener the
/// user of the request's bearer token, else 401 and nothing runs; a read-only role (Viewer) gets 403 for anything but
/// GET and HEAD there. The caller flows in <see cref="CallerContext"/> and is also the request's <see cref="Caller"/>
/// feature (read by the audit log after the request).
/// </summary>
internal sealed class DockerApiCallerMiddleware(RequestDelegate next)
{
    private const string Scheme = "Bearer ";

    public async Task InvokeAsync(HttpContext context)
    {
        var connection = context.Features.Get<DockerApiConnectionFeature>()!;
        if (!connection.IsTcp)
        {
            var root = Caller.Root with { Name = PeerCredentials.Describe(context.Features.Get<IConnectionSocketFeature>()?.Socket) };
            context.Features.Set(root);
            using (CallerContext.Enter(root)) await next(context);
            return;
        }
        var header = context.Request.Headers.Authorization.ToString();
        Caller? caller = null;
        if (header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && header.Length > Scheme.Length)
        {
            var authenticator = context.RequestServices.GetRequiredService<IDockerApiTokenAuthenticator>();
            caller = await authenticator.AuthenticateAsync(header[Scheme.Length..].Trim(), context.RequestAborted);
        }
        if (caller is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"webui\"";
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, header.Length == 0
                ? "this Docker API listener needs an API token: send \"Authorization: Bearer <token>\" (docker: HttpHeaders in config.json)"
                : "the API token is unknown, revoked or expired, or its user is disabled");
            return;
        }
        context.Features.Set(caller);
        if (!caller.CanChange && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, $"{caller.Name} ({caller.Role}) is read-only: {context.Request.Method} is refused on this listener");
            return;
        }
        using (CallerContext.Enter(caller)) await next(context);
    }

    private static async Task RefuseAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, new ErrorResponse(message), cancellationToken: context.RequestAborted);
    }
}
