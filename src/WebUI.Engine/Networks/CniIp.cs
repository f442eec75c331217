namespace WebUI.Engine.Networks;

/// <summary>An address in a CNI result (CIDR), its gateway and the index of its interface.</summary>
internal sealed record CniIp(string Address, string Gateway, int? Interface);
