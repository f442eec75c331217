using WebUI.DockerApi.Hosting;
using WebUI.Engine.Security.Admission;
using WebUI.Identity.Tokens;

namespace WebUI.Audit;

/// <summary>
/// Records every change made through the Docker API, socket or TCP listener (any method but GET and HEAD), with the
/// caller (the request's <see cref="Caller"/>: "docker-api (uid N)" on the socket, the token's user on TCP), the route,
/// the resource id from the route and the status answered; and every refusal on the TCP listener whatever the method:
/// no or a bad, revoked or expired token (401, recorded under "token &lt;id&gt;" or "anonymous"), a read-only role (403),
/// a route not on the allow-list (404 from routing). Allowed reads are not recorded (docker ps must stay cheap).
/// </summary>
internal sealed class DockerApiAuditMiddleware(RequestDelegate next, IAuditLog audit)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var read = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        var tcp = context.Features.Get<DockerApiConnectionFeature>()?.IsTcp == true;
        if (read && !tcp)
        {
            await next(context);
            return;
        }
        int? failedWith = null;
        try
        {
            await next(context);
        }
        catch (Exception e)
        {
            // An error middleware inside this one could not answer (the response had started): record what it maps to.
            failedWith = DockerErrorMiddleware.Map(e).Status;
            throw;
        }
        finally
        {
            var status = failedWith ?? context.Response.StatusCode;
            var endpoint = context.GetEndpoint() as RouteEndpoint;
            var detail = tcp ? Refusal(status, endpoint, context) : null;
            if (!read || detail is not null)
            {
                // Queued, not committed here: the request (and with it the keep-alive connection's next request, or the
                // hijacked attach connection's close) does not wait for the audit database's commit; `docker run` sends
                // its requests one after the other. The writer commits the entry within milliseconds.
                var route = endpoint?.RoutePattern.RawText ?? context.Request.Path.Value ?? "";
                var values = context.Request.RouteValues;
                var resource = (values.TryGetValue("id", out var id) ? id : values.TryGetValue("name", out var name) ? name : null)?.ToString()
                    ?? NamedInQuery(context.Request.Query);
                var caller = context.Features.Get<Caller>()?.Name ?? Presented(context);
                var source = tcp ? $"tcp {Identity.RequestSource.Of(context)}" : "unix socket";
                await audit.QueueAsync(new AuditRecord(caller, $"{context.Request.Method} {route}", resource,
                    status.ToString(System.Globalization.CultureInfo.InvariantCulture), FrontDoors.DockerApi, source, detail), CancellationToken.None);
            }
        }
    }

    /// <summary>Why the TCP listener refused the request, or null when it was served (whatever the handler answered).</summary>
    private static string? Refusal(int status, RouteEndpoint? endpoint, HttpContext context) => status switch
    {
        StatusCodes.Status401Unauthorized when context.Features.Get<Caller>() is null =>
            context.Request.Headers.Authorization.Count == 0 ? "refused: no API token" : "refused: unknown, revoked or expired API token",
        StatusCodes.Status403Forbidden when endpoint is null => "refused: read-only role",
        StatusCodes.Status404NotFound when endpoint is null => "refused: route not on the TCP allow-list",
        _ => null,
    };

    /// <summary>Who a refused request claimed to be: the id of the token it presented (never the secret), else anonymous.</summary>
    private static string Presented(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : "";
        return ApiTokenSecret.IdOf(token) is { } id ? $"token {id}" : "anonymous";
    }

    /// <summary>Creations name their resource in the query (containers/create?name=, images/create?fromImage=, build?t=); a name in a JSON body is not read here.</summary>
    private static string? NamedInQuery(IQueryCollection query)
    {
        foreach (var key in (ReadOnlySpan<string>)["name", "fromImage", "fromSrc", "repo", "t"])
            if (query.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value)) return value.ToString();
        return null;
    }
}
