using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using WebUI.Engine.Errors;
using WebUI.Engine.Hosting;

namespace WebUI.DockerApi.Hosting;

/// <summary>Strips Docker's /v1.NN prefix (refusing versions newer than ours) and adds the headers every Docker API answer carries.</summary>
internal sealed partial class ApiVersionMiddleware(RequestDelegate next, EngineReadiness readiness)
{
    [GeneratedRegex(@"^/v(\d+\.\d+)(/.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPrefix();

    public async Task InvokeAsync(HttpContext context)
    {
        // Kestrel opens the socket before the engine's hosted service has run: hold requests until it has.
        await readiness.Ready.WaitAsync(context.RequestAborted);

        var headers = context.Response.Headers;
        headers["Api-Version"] = ApiVersion.Current;
        headers["Docker-Experimental"] = "false";
        headers["Ostype"] = "linux";
        headers["Server"] = $"WebUI/{ApiVersion.ServerVersion} (linux)";

        var path = context.Request.Path.Value ?? "/";
        var m = VersionPrefix().Match(path);
        if (m.Success)
        {
            var requested = Version.Parse(m.Groups[1].Value);
            if (requested > ApiVersion.CurrentVersion)
                throw EngineException.Invalid($"client version {m.Groups[1].Value} is too new. Maximum supported API version is {ApiVersion.Current}");
            if (requested < ApiVersion.MinimumVersion)
                throw EngineException.Invalid($"client version {m.Groups[1].Value} is too old. Minimum supported API version is {ApiVersion.Minimum}, please upgrade your client to a newer version");
            DockerApiRequest.SetVersion(context, requested);
            context.Request.Path = m.Groups[2].Value;
        }
        await next(context);
    }
}
