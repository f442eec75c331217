namespace WebUI.DockerApi.Networks;

/// <summary>IPAM of a network, in both directions (create body and inspect).</summary>
public sealed record NetworkIpam
{
    public string? Driver { get; init; } = "default";
    public IReadOnlyDictionary<string, string>? Options { get; init; }
    public IReadOnlyList<NetworkIpamConfig>? Config { get; init; }
}
