using WebUI.Engine.Security.Admission;
using WebUI.Registry.Routing;

namespace WebUI.Audit;

/// <summary>
/// Records every change made through the registry at /v2: manifest pushes and deletes, blob deletes, uploads started
/// (or mounted), finished and cancelled, with the caller the access policy authenticated (the request's
/// <see cref="Caller"/>; "anonymous" when none), the repository and reference or digest, and the outcome. Upload chunks
/// (PATCH) are recorded only when refused or failed: a push sends many. Reads are not recorded.
/// </summary>
internal sealed class RegistryAuditMiddleware(RequestDelegate next, IAuditLog audit)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
        {
            await next(context);
            return;
        }
        try
        {
            await next(context);
        }
        finally
        {
            var status = context.Response.StatusCode;
            var path = context.Request.Path.Value ?? "";
            var route = RegistryRoute.Parse(path.Length <= 4 ? "" : path[4..]);
            var action = route is null ? null : ActionOf(route.Kind, method);
            if (action is not null && (action != AuditActions.RegistryUploadChunk || status >= 400))
            {
                var result = status switch
                {
                    < 400 => AuditResults.Success,
                    StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => AuditResults.Denied,
                    _ => AuditResults.Failure,
                };
                var caller = context.Features.Get<Caller>()?.Name ?? "anonymous";
                // Queued, not committed here: the answer and the connection's next request do not wait for the audit database.
                await audit.QueueAsync(new AuditRecord(caller, action, Resource(route!, context.Request.Query), result, FrontDoors.Registry,
                    Identity.RequestSource.Of(context), $"{method} {path}: {status}"), CancellationToken.None);
            }
        }
    }

    private static string? ActionOf(RegistryRouteKind kind, string method) => (kind, method) switch
    {
        (RegistryRouteKind.Manifest, "PUT") => AuditActions.RegistryManifestPush,
        (RegistryRouteKind.Manifest, "DELETE") => AuditActions.RegistryManifestDelete,
        (RegistryRouteKind.Blob, "DELETE") => AuditActions.RegistryBlobDelete,
        (RegistryRouteKind.Uploads, "POST") => AuditActions.RegistryUploadStart,
        (RegistryRouteKind.Upload, "PATCH") => AuditActions.RegistryUploadChunk,
        (RegistryRouteKind.Upload, "PUT") => AuditActions.RegistryUploadFinish,
        (RegistryRouteKind.Upload, "DELETE") => AuditActions.RegistryUploadCancel,
        _ => null,
    };

    /// <summary>"repo:tag" or "repo@digest"; an upload names the digest it finishes (or mounts) when it gives one.</summary>
    private static string Resource(RegistryRoute route, IQueryCollection query)
    {
        var reference = route.Kind is RegistryRouteKind.Manifest or RegistryRouteKind.Blob ? route.Reference
            : query.TryGetValue("digest", out var d) && !string.IsNullOrEmpty(d) ? d.ToString()
            : query.TryGetValue("mount", out var m) && !string.IsNullOrEmpty(m) ? m.ToString()
            : "";
        // A tag cannot hold ':', a digest always does.
        return reference.Length == 0 ? route.Name : reference.Contains(':', StringComparison.Ordinal) ? $"{route.Name}@{reference}" : $"{route.Name}:{reference}";
    }
}
