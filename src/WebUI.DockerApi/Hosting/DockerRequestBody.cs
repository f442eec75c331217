using System.Text.Json;
using Microsoft.AspNetCore.Http;
using WebUI.Engine.Errors;

namespace WebUI.DockerApi.Hosting;

/// <summary>Reads a Docker API JSON request body, wherever the connection put it.</summary>
public static class DockerRequestBody
{
    /// <summary>The JSON body as <typeparamref name="T"/>; an empty body gives <paramref name="empty"/>; bad JSON is a 400 naming the problem.</summary>
    public static async Task<T> ReadJsonAsync<T>(HttpContext context, Func<T> empty, CancellationToken cancellationToken)
    {
        try
        {
            var hijacked = context.Features.Get<HijackRequestBodyFeature>();
            if (hijacked is not null)
                return hijacked.Body.IsEmpty ? empty() : JsonSerializer.Deserialize<T>(hijacked.Body.Span, DockerJson.Options) ?? empty();

            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, cancellationToken);
            if (buffer.Length == 0) return empty();
            return JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), DockerJson.Options) ?? empty();
        }
        catch (JsonException e)
        {
            throw EngineException.Invalid($"invalid JSON body: {e.Message}");
        }
    }
}
