namespace WebUI.Audit;

/// <summary>
/// Records every change made through the Docker API, socket or TCP listener (any method but GET and HEAD), with the caller: the route, the resource id
/// from the route, and the status answered. Reads are not recorded (docker ps must stay cheap).
/// </summary>
internal sealed class DockerApiAuditMiddleware(RequestDelegate next, IAuditLog audit)
{
    /// <summary>The socket is root-only (like docker.sock), so whoever reached it is root.</summary>
    public const string SocketCaller = "root (unix socket)";

    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
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
            // The error middleware outside this one writes the answer; record the status it will send.
            failedWith = WebUI.DockerApi.Hosting.DockerErrorMiddleware.Map(e).Status;
            throw;
        }
        finally
        {
            // The answer is complete before the record is written, so the client does not wait for the audit
            // database's commit (`docker run` sends its requests one after the other). The change has happened either
            // way; a failure's answer is left to the error middleware outside, an unrouted one to its "page not found".
            if (failedWith is null && context.GetEndpoint() is not null && context.Response.StatusCode != StatusCodes.Status101SwitchingProtocols
                && !context.RequestAborted.IsCancellationRequested)
                await context.Response.CompleteAsync();
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? "";
            var values = context.Request.RouteValues;
            var resource = (values.TryGetValue("id", out var id) ? id : values.TryGetValue("name", out var name) ? name : null)?.ToString()
                ?? NamedInQuery(context.Request.Query);
            var status = (failedWith ?? context.Response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var tcp = context.Features.Get<WebUI.DockerApi.Hosting.DockerApiConnectionFeature>()?.IsTcp == true;
            var caller = tcp ? WebUI.Engine.Security.Admission.CallerContext.Current?.Name ?? "" : SocketCaller;
            var source = tcp ? $"tcp {Identity.RequestSource.Of(context)}" : "unix socket";
            await audit.RecordAsync(new AuditRecord(caller, $"{context.Request.Method} {route}", resource, status, FrontDoors.DockerApi, source), CancellationToken.None);
        }
    }

    /// <summary>Creations name their resource in the query (containers/create?name=, images/create?fromImage=, build?t=); a name in a JSON body is not read here.</summary>
    private static string? NamedInQuery(IQueryCollection query)
    {
        foreach (var key in (ReadOnlySpan<string>)["name", "fromImage", "fromSrc", "repo", "t"])
            if (query.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value)) return value.ToString();
        return null;
    }
}
