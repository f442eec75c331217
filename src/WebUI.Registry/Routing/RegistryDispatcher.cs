using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebUI.Engine.Errors;
using WebUI.Engine.Hosting;
using WebUI.Registry.Errors;
using WebUI.Registry.Handlers;

namespace WebUI.Registry.Routing;

/// <summary>The one endpoint behind /v2: parses the path, dispatches by resource and method, and writes every failure in the OCI error format.</summary>
internal static partial class RegistryDispatcher
{
    public static async Task HandleAsync(HttpContext http)
    {
        // Registry clients read the OCI error body; the dashboard's status code pages must not replace it.
        var pages = http.Features.Get<IStatusCodePagesFeature>();
        if (pages is not null) pages.Enabled = false;
        http.Response.Headers["Docker-Distribution-API-Version"] = "registry/2.0";

        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("WebUI.Registry");
        try
        {
            await http.RequestServices.GetRequiredService<EngineReadiness>().Ready.WaitAsync(http.RequestAborted);
            var path = http.Request.Path.Value ?? "";
            var rest = path.Length <= 4 ? "" : path[4..]; // after "/v2/"
            var route = RegistryRoute.Parse(rest) ?? throw new RegistryException(RegistryErrorCode.NameUnknown, "no such registry resource", new { path });
            if (route.Name.Length > 0) RegistryRequest.CheckName(route.Name);
            await DispatchAsync(RegistryRequest.From(http), route, http.Request.Method);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
        }
        catch (RegistryException e)
        {
            LogRefused(logger, http.Request.Method, http.Request.Path, e.Code.Code, e.Message);
            await WriteErrorAsync(http, e.Code, e.Message, e.Detail);
        }
        catch (EngineException e) when (e.Kind == ErrorKind.NotFound)
        {
            await WriteErrorAsync(http, RegistryErrorCode.BlobUnknown, e.Message, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, http.Request.Method, http.Request.Path, e);
            await WriteErrorAsync(http, new RegistryErrorCode("UNKNOWN", StatusCodes.Status500InternalServerError), "internal error", null);
        }
    }

    private static Task DispatchAsync(RegistryRequest r, RegistryRoute route, string method)
    {
        var get = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        return route.Kind switch
        {
            RegistryRouteKind.Base when get => CatalogHandlers.BaseAsync(r),
            RegistryRouteKind.Catalog when HttpMethods.IsGet(method) => CatalogHandlers.CatalogAsync(r),
            RegistryRouteKind.Tags when HttpMethods.IsGet(method) => TagsHandler.ListAsync(r, route.Name),
            RegistryRouteKind.Referrers when HttpMethods.IsGet(method) => ReferrersHandler.ListAsync(r, route.Name, route.Reference),
            RegistryRouteKind.Manifest when get => ManifestHandlers.GetAsync(r, route.Name, route.Reference),
            RegistryRouteKind.Manifest when HttpMethods.IsPut(method) => ManifestHandlers.PutAsync(r, route.Name, route.Reference),
            RegistryRouteKind.Manifest when HttpMethods.IsDelete(method) => ManifestHandlers.DeleteAsync(r, route.Name, route.Reference),
            RegistryRouteKind.Blob when get => BlobHandlers.GetAsync(r, route.Name, route.Reference),
            RegistryRouteKind.Blob when HttpMethods.IsDelete(method) => BlobHandlers.DeleteAsync(r, route.Name, route.Reference),
            RegistryRouteKind.Uploads when HttpMethods.IsPost(method) => UploadHandlers.StartAsync(r, route.Name),
            RegistryRouteKind.Upload when HttpMethods.IsGet(method) => UploadHandlers.StatusAsync(r, route.Name, route.Reference),
            RegistryRouteKind.Upload when HttpMethods.IsPatch(method) => UploadHandlers.PatchAsync(r, route.Name, route.Reference),
            RegistryRouteKind.Upload when HttpMethods.IsPut(method) => UploadHandlers.FinishAsync(r, route.Name, route.Reference),
            RegistryRouteKind.Upload when HttpMethods.IsDelete(method) => UploadHandlers.CancelAsync(r, route.Name, route.Reference),
            _ => throw new RegistryException(RegistryErrorCode.Unsupported, $"{method} is not supported on this resource"),
        };
    }

    private static async Task WriteErrorAsync(HttpContext http, RegistryErrorCode code, string message, object? detail)
    {
        if (http.Response.HasStarted) return; // mid-body: the client sees a short body and a digest mismatch
        var keep = http.Response.Headers.WWWAuthenticate.ToString();
        var range = http.Response.Headers.ContentRange.ToString();
        http.Response.Clear();
        http.Response.Headers["Docker-Distribution-API-Version"] = "registry/2.0";
        if (keep.Length > 0) http.Response.Headers.WWWAuthenticate = keep;
        if (range.Length > 0) http.Response.Headers.ContentRange = range;
        http.Response.StatusCode = code.Status;
        http.Response.ContentType = "application/json";
        var body = JsonSerializer.SerializeToUtf8Bytes(new RegistryErrorBody([new RegistryErrorEntry(code.Code, message, detail)]));
        http.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(http.Request.Method)) await http.Response.Body.WriteAsync(body, CancellationToken.None);
    }
}
