namespace WebUI.DockerApi.Hosting;

/// <summary>Endpoint metadata that marks a Docker API route: served only on Docker API listeners.</summary>
public sealed class DockerApiEndpointMetadata
{
    public static readonly DockerApiEndpointMetadata Instance = new();
}
