namespace WebUI.DockerApi.Networks;

/// <summary>The body of POST /networks/create.</summary>
public sealed record NetworkCreateBody
{
    public string Name { get; init; } = "";
    public bool CheckDuplicate { get; init; }
    public string? Driver { get; init; }
    public string? Scope { get; init; }
    public bool Internal { get; init; }
    public bool Attachable { get; init; }
    public bool Ingress { get; init; }
    public bool ConfigOnly { get; init; }
    public NetworkIpam? IPAM { get; init; }
    public bool? EnableIPv6 { get; init; }
    public Dictionary<string, string>? Options { get; init; }
    public Dictionary<string, string>? Labels { get; init; }
}
