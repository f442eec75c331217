namespace WebUI.DockerApi.Networks;

/// <summary>The answer to POST /networks/prune.</summary>
public sealed record NetworkPruneResponse(IReadOnlyList<string> NetworksDeleted);
