namespace WebUI.DockerApi.Containers;

/// <summary>NetworkSettings of ContainerJSON (the summary uses only Networks).</summary>
public sealed record NetworkSettingsResponse
{
    public string Bridge { get; init; } = "";
    public string SandboxID { get; init; } = "";
    public string SandboxKey { get; init; } = "";
    public IReadOnlyDictionary<string, object?> Ports { get; init; } = new Dictionary<string, object?>();
    public bool HairpinMode { get; init; }
    public string LinkLocalIPv6Address { get; init; } = "";
    public int LinkLocalIPv6PrefixLen { get; init; }
    public string EndpointID { get; init; } = "";
    public string Gateway { get; init; } = "";
    public string GlobalIPv6Address { get; init; } = "";
    public int GlobalIPv6PrefixLen { get; init; }
    public string IPAddress { get; init; } = "";
    public int IPPrefixLen { get; init; }
    public string IPv6Gateway { get; init; } = "";
    public string MacAddress { get; init; } = "";
    public required IReadOnlyDictionary<string, EndpointSettings> Networks { get; init; }
}
