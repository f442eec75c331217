using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using WebUI.DockerApi.Distribution;
using WebUI.DockerApi.Hosting;
using WebUI.Engine.Build;
using WebUI.Engine.Errors;

namespace WebUI.DockerApi.Build;

/// <summary>Docker Engine API: POST /build, the legacy builder endpoint the CLI uses without buildx.</summary>
public static class BuildApi
{
    public static IEndpointRouteBuilder MapBuildApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/build", BuildAsync);
        return app;
    }

    /// <summary>
    /// The context tar is the body. Until the first output line an error is an ordinary JSON error response (bad
    /// options, bad context, missing Dockerfile); after it, errors are stream error lines, as Docker sends them.
    /// </summary>
    private static async Task BuildAsync(HttpContext context, [FromServices] IImageBuilder builder)
    {
        var request = context.Request;
        var ct = context.RequestAborted;
        if (DockerQuery.String(request, "remote") is { } remote)
            throw EngineException.Invalid($"building from a remote context ({remote}) is not supported: send the context as a tar in the request body");
        var options = new BuildOptions
        {
            Tags = request.Query["t"].Where(t => !string.IsNullOrEmpty(t)).Select(t => t!).ToList(),
            Dockerfile = DockerQuery.String(request, "dockerfile") ?? "Dockerfile",
            BuildArgs = JsonMap(request, "buildargs"),
            Target = DockerQuery.String(request, "target"),
            NoCache = DockerQuery.Bool(request, "nocache"),
            Pull = PullFlag(request),
            Remove = DockerQuery.Bool(request, "rm", defaultValue: true),
            ForceRemove = DockerQuery.Bool(request, "forcerm"),
            Labels = JsonMap(request, "labels").ToDictionary(kv => kv.Key, kv => kv.Value ?? "", StringComparer.Ordinal),
            Quiet = DockerQuery.Bool(request, "q"),
            NetworkMode = DockerQuery.String(request, "networkmode"),
            Platform = DockerQuery.String(request, "platform"),
            CacheFrom = JsonList(request, "cachefrom"),
            RegistryAuth = RegistryAuth.FromConfigHeader(request.Headers[RegistryAuth.ConfigHeaderName]),
        };

        var started = false;
        async Task WriteAsync(BuildMessage message, CancellationToken token)
        {
            if (!started)
            {
                await DockerStream.StartAsync(context.Response, token);
                started = true;
            }
            var line = message.ImageId is { } id ? new BuildStreamMessage(null, new BuildAux(id)) : new BuildStreamMessage(message.Stream, null);
            await DockerStream.WriteAsync(context.Response, line, token);
        }

        try
        {
            await builder.BuildAsync(request.Body, options, WriteAsync, ct);
        }
        catch (Exception e) when (started && !ct.IsCancellationRequested && e is not OperationCanceledException)
        {
            // The status line is sent: the failure can only be told in the stream (the CLI prints it and exits 1).
            await DockerStream.WriteErrorAsync(context.Response, e.Message, ct);
        }
    }

    /// <summary>pull is a boolean, though old clients send the image name: any non-false value asks for a pull.</summary>
    private static bool PullFlag(HttpRequest request)
    {
        var v = request.Query["pull"].ToString();
        return v.Length > 0 && v is not ("0" or "false" or "False");
    }

    /// <summary>A query parameter holding a JSON object of strings (buildargs, labels); null values are kept as null.</summary>
    private static Dictionary<string, string?> JsonMap(HttpRequest request, string name)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        var raw = request.Query[name].ToString();
        if (raw.Length == 0) return result;
        try
        {
            using var doc = JsonDocument.Parse(raw);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw EngineException.Invalid($"invalid {name}: expected a JSON object");
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                result[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => throw EngineException.Invalid($"invalid {name}: the value of {p.Name} must be a string"),
                };
            }
        }
        catch (JsonException e)
        {
            throw EngineException.Invalid($"invalid {name}: {e.Message}");
        }
        return result;
    }

    private static List<string> JsonList(HttpRequest request, string name)
    {
        var raw = request.Query[name].ToString();
        if (raw.Length == 0) return [];
        try
        {
            return JsonSerializer.Deserialize<List<string>>(raw) ?? [];
        }
        catch (JsonException e)
        {
            throw EngineException.Invalid($"invalid {name}: {e.Message}");
        }
    }
}
