using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace WebUI.DockerApi.Hosting;

/// <summary>Writes Docker's streamed JSON messages (pull/load/build progress): one JSON object per line, flushed.</summary>
public static class DockerStream
{
    /// <summary>Starts a JSON message stream: 200, application/json, headers flushed.</summary>
    public static async Task StartAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        await response.StartAsync(cancellationToken);
    }

    public static async Task WriteAsync<T>(HttpResponse response, T message, CancellationToken cancellationToken)
    {
        await JsonSerializer.SerializeAsync(response.Body, message, DockerJson.Options, cancellationToken);
        await response.Body.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    /// <summary>The error line docker clients recognise in a stream: {"errorDetail":{"message":m},"error":m}.</summary>
    public static Task WriteErrorAsync(HttpResponse response, string message, CancellationToken cancellationToken) =>
        WriteAsync(response, new StreamError(new StreamErrorDetail(message), message), cancellationToken);
}
