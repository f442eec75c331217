using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WebUI.Engine.Errors;

namespace WebUI.DockerApi.Hosting;

/// <summary>The one place that turns failures into Docker's error answers: a status code and {"message": "..."}.</summary>
internal sealed partial class DockerErrorMiddleware(RequestDelegate next, ILogger<DockerErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
            if (context.Response.StatusCode == StatusCodes.Status404NotFound && !context.Response.HasStarted && context.GetEndpoint() is null)
                await WriteAsync(context, StatusCodes.Status404NotFound, "page not found");
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (e.g. Ctrl-C on docker logs -f): nothing to answer.
        }
        catch (Exception e)
        {
            var (status, message) = Map(e);
            if (status >= 500) LogFailure(logger, context.Request.Method, context.Request.Path, e);
            if (context.Response.HasStarted)
            {
                // Mid-stream: Docker's clients read an error message line in the JSON stream.
                if (context.Response.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true)
                    await DockerStream.WriteErrorAsync(context.Response, message, CancellationToken.None);
                return;
            }
            await WriteAsync(context, status, message);
        }
    }

    internal static (int Status, string Message) Map(Exception e) => e switch
    {
        EngineException ee => (ee.Kind switch
        {
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.AlreadyExists or ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.InvalidArgument => StatusCodes.Status400BadRequest,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            ErrorKind.NotModified => StatusCodes.Status304NotModified,
            _ => StatusCodes.Status500InternalServerError,
        }, ee.Message),
        JsonException je => (StatusCodes.Status400BadRequest, $"invalid JSON: {je.Message}"),
        BadHttpRequestException be => (be.StatusCode, be.Message),
        _ => (StatusCodes.Status500InternalServerError, e.Message),
    };

    private static async Task WriteAsync(HttpContext context, int status, string message)
    {
        context.Response.Clear();
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status304NotModified) return;
        // Exactly "application/json": with a charset the docker CLI prints the raw JSON instead of the message.
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, new ErrorResponse(message), DockerJson.Options, context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Docker API {Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, string method, string path, Exception exception);
}
