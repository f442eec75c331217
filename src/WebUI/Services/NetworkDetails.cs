using WebUI.Engine.Networks;

namespace WebUI.Services;

/// <summary>What the network inspect dialog shows: the record and the containers on it.</summary>
public sealed record NetworkDetails(NetworkRecord Network, IReadOnlyList<NetworkMember> Members);
