namespace WebUI.DockerApi.Daemon;

/// <summary>One entry of /version's Components.</summary>
public sealed record ComponentVersion(string Name, string Version, IReadOnlyDictionary<string, string> Details);
