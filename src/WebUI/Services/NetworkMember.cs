namespace WebUI.Services;

/// <summary>A container on a network: its name and state, and while it runs its interface and addresses.</summary>
public sealed record NetworkMember(
    string ContainerId,
    string ContainerName,
    string State,
    IReadOnlyList<string> Aliases,
    string? IfName,
    string? IPv4Address,
    string? MacAddress);
