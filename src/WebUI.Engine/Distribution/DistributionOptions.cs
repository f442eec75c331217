namespace WebUI.Engine.Distribution;

/// <summary>How the engine talks to registries; bound from the "Engine" section (Engine:InsecureRegistries, Engine:RegistryMirrors).</summary>
public sealed class DistributionOptions
{
    /// <summary>Registries ("host:port", "host" or a CIDR like "10.0.0.0/8") reached over plain HTTP or unverified TLS. Loopback always is.</summary>
    public List<string> InsecureRegistries { get; set; } = [];

    /// <summary>Mirrors of docker.io ("https://mirror.example"), tried in order before Docker Hub itself for pulls.</summary>
    public List<string> RegistryMirrors { get; set; } = [];

    /// <summary>Layers downloaded at once per pull.</summary>
    public int MaxConcurrentDownloads { get; set; } = 3;

    /// <summary>Layers uploaded at once per push.</summary>
    public int MaxConcurrentUploads { get; set; } = 5;

    /// <summary>Attempts of one blob transfer that failed on the network before the pull or push fails.</summary>
    public int MaxAttempts { get; set; } = 3;
}
