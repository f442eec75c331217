using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WebUI.DockerApi.Hosting;
using WebUI.Engine.Distribution;
using WebUI.Engine.Errors;

namespace WebUI.DockerApi.Distribution;

/// <summary>Docker Engine API for registries: POST /auth here; pull and push are reached from the /images routes.</summary>
public static class DistributionApi
{
    public static IEndpointRouteBuilder MapDistributionApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/auth", LoginAsync);
        return app;
    }

    /// <summary>POST /auth: checks the credentials against the registry; the CLI stores them itself.</summary>
    private static async Task LoginAsync(HttpContext context)
    {
        var config = await JsonSerializer.DeserializeAsync<AuthConfig>(context.Request.Body, cancellationToken: context.RequestAborted)
            ?? throw EngineException.Invalid("an AuthConfig body is required");
        var distribution = context.RequestServices.GetRequiredService<IImageDistribution>();
        await distribution.LoginAsync(RegistryAuth.FromConfig(config), context.RequestAborted);
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, new AuthResponse("Login Succeeded"), DockerJson.Options, context.RequestAborted);
    }

    /// <summary>POST /images/create?fromImage=: pulls, streaming Docker's progress messages.</summary>
    public static Task PullAsync(HttpContext context, string reference, string? platform)
    {
        var distribution = context.RequestServices.GetRequiredService<IImageDistribution>();
        var credentials = RegistryAuth.FromHeader(context.Request.Headers[RegistryAuth.HeaderName]);
        return StreamAsync(context, progress => distribution.PullAsync(reference, platform, credentials, progress, context.RequestAborted));
    }

    /// <summary>POST /images/{name}/push?tag=: pushes, streaming progress and ending with the aux {Tag, Digest, Size}.</summary>
    public static Task PushAsync(HttpContext context, string name)
    {
        var tag = DockerQuery.String(context.Request, "tag");
        var reference = tag is null ? name : name + ":" + tag;
        var distribution = context.RequestServices.GetRequiredService<IImageDistribution>();
        var credentials = RegistryAuth.FromHeader(context.Request.Headers[RegistryAuth.HeaderName]);
        return StreamAsync(context, progress => distribution.PushAsync(reference, credentials, progress, context.RequestAborted));
    }

    /// <summary>
    /// Runs the work and writes its progress as JSON lines. The response starts with the first message, so a failure
    /// before it (no such image, unauthorized) is an ordinary error status; a later one is an error line in the stream.
    /// </summary>
    private static async Task StreamAsync(HttpContext context, Func<IProgress<DistributionProgress>, Task> work)
    {
        var ct = context.RequestAborted;
        var channel = Channel.CreateUnbounded<DistributionProgress>(new UnboundedChannelOptions { SingleReader = true });
        // Not Task.Run(..., ct): a start that is cancelled would never complete the channel. The work observes ct itself.
        var running = Task.Run(async () =>
        {
            try { await work(new ChannelProgress(channel.Writer)); }
            finally { channel.Writer.TryComplete(); }
        }, CancellationToken.None);

        var started = false;
        await foreach (var p in channel.Reader.ReadAllAsync(CancellationToken.None))
        {
            if (!started)
            {
                await DockerStream.StartAsync(context.Response, ct);
                started = true;
            }
            await DockerStream.WriteAsync(context.Response, ToMessage(p), ct);
        }
        try
        {
            await running;
        }
        catch (Exception e) when (started && e is not OperationCanceledException)
        {
            var (_, message) = DockerErrorMiddleware.Map(e);
            await DockerStream.WriteErrorAsync(context.Response, message, ct);
        }
    }

    private static JsonMessage ToMessage(DistributionProgress p)
    {
        if (p.Aux is { } aux)
            return new JsonMessage { Aux = new Dictionary<string, object> { ["Tag"] = aux.Tag, ["Digest"] = aux.Digest, ["Size"] = aux.Size } };
        var detail = p.Current is { } c ? new JsonProgressDetail { Current = c, Total = p.Total } : new JsonProgressDetail();
        return new JsonMessage
        {
            Status = p.Status,
            Id = p.Id,
            ProgressDetail = detail,
            Progress = p.Current is { } current ? ProgressBar.Render(current, p.Total ?? 0) : null,
        };
    }
}
