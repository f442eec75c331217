using System.Text.Json.Serialization;

namespace WebUI.DockerApi.Networks;

/// <summary>One IPAM config entry: Subnet, IPRange, Gateway (empty ones left out, as Docker does).</summary>
public sealed record NetworkIpamConfig
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Subnet { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? IPRange { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Gateway { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyDictionary<string, string>? AuxiliaryAddresses { get; init; }
}
