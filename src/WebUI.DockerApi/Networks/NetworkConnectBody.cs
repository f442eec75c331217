namespace WebUI.DockerApi.Networks;

/// <summary>The body of POST /networks/{id}/connect and /disconnect.</summary>
public sealed record NetworkConnectBody
{
    public string Container { get; init; } = "";
    public EndpointSettingsBody? EndpointConfig { get; init; }
    public bool Force { get; init; }
}
