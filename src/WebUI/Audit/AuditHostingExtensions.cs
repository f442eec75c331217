using WebUI.DockerApi.Hosting;

namespace WebUI.Audit;

/// <summary>Program.cs entry for the audit log's request recorders.</summary>
public static class AuditHostingExtensions
{
    /// <summary>
    /// Call first, before UseDockerApi: the recorders wrap every later middleware so they see refusals made before routing
    /// (the TCP listener's 401 and 403) as well as the handlers' answers, and read the request's caller afterwards.
    /// </summary>
    public static WebApplication UseWebUIAudit(this WebApplication app)
    {
        app.UseWhen(DockerApiRequest.IsDockerApi, docker => docker.UseMiddleware<DockerApiAuditMiddleware>());
        app.UseWhen(context => !DockerApiRequest.IsDockerApi(context) && context.Request.Path.StartsWithSegments("/v2", StringComparison.Ordinal),
            registry => registry.UseMiddleware<RegistryAuditMiddleware>());
        return app;
    }
}
