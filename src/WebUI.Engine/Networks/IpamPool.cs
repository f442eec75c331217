namespace WebUI.Engine.Networks;

/// <summary>One IPAM config entry of a network: subnet (CIDR), gateway address and an optional allocation range (CIDR).</summary>
public sealed record IpamPool(string Subnet, string Gateway, string? IPRange);
