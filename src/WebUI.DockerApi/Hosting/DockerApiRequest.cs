using Microsoft.AspNetCore.Http;

namespace WebUI.DockerApi.Hosting;

/// <summary>Per-request facts of the Docker API: the version the client asked for in its /v1.NN prefix.</summary>
public static class DockerApiRequest
{
    private const string VersionKey = "DockerApi.Version";

    public static bool IsDockerApi(HttpContext context) => context.Features.Get<DockerApiConnectionFeature>() is not null;

    public static void SetVersion(HttpContext context, Version version) => context.Items[VersionKey] = version;

    /// <summary>The requested API version, or the current one for an unversioned path.</summary>
    public static Version Version(HttpContext context) =>
        context.Items.TryGetValue(VersionKey, out var v) && v is Version version ? version : ApiVersion.CurrentVersion;
}
