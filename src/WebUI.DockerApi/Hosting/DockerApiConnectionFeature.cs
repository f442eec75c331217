namespace WebUI.DockerApi.Hosting;

/// <summary>Marks a connection accepted on a Docker API listener; set by connection middleware, read per request.</summary>
public sealed class DockerApiConnectionFeature
{
    private DockerApiConnectionFeature(bool isTcp) => IsTcp = isTcp;

    /// <summary>The unix socket: root-only, no token.</summary>
    public static readonly DockerApiConnectionFeature Instance = new(false);

    /// <summary>The TCP listener (DockerApi:Tcp): a bearer token per request, only the allow-listed routes.</summary>
    public static readonly DockerApiConnectionFeature Tcp = new(true);

    public bool IsTcp { get; }
}
