namespace WebUI.DockerApi.Hosting;

/// <summary>Marks a connection accepted on a Docker API listener; set by connection middleware, read per request.</summary>
public sealed class DockerApiConnectionFeature
{
    public static readonly DockerApiConnectionFeature Instance = new();
}
