namespace WebUI.DockerApi.Networks;

/// <summary>ConfigFrom of a network (config-only networks; always empty here).</summary>
public sealed record NetworkConfigFrom(string Network);
