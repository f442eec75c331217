namespace WebUI.DockerApi.Daemon;

/// <summary>GET /version.</summary>
public sealed record VersionResponse(
    PlatformName Platform,
    IReadOnlyList<ComponentVersion> Components,
    string Version,
    string ApiVersion,
    string MinAPIVersion,
    string GitCommit,
    string GoVersion,
    string Os,
    string Arch,
    string KernelVersion,
    string BuildTime);
