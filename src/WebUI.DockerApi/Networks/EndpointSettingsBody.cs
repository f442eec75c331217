namespace WebUI.DockerApi.Networks;

/// <summary>EndpointSettings as clients send them (connect, NetworkingConfig.EndpointsConfig): aliases and the static address.</summary>
public sealed record EndpointSettingsBody
{
    public EndpointIpamConfigBody? IPAMConfig { get; init; }
    public List<string>? Aliases { get; init; }
    public string? MacAddress { get; init; }

    public WebUI.Engine.Networks.EndpointConfig ToConfig() => new()
    {
        Aliases = Aliases ?? [],
        IPv4Address = IPAMConfig?.IPv4Address is { Length: > 0 } ip ? ip : null,
        MacAddress = MacAddress is { Length: > 0 } m ? m : null,
    };
}
