namespace WebUI.Engine.Distribution;

/// <summary>Pull, push and login against registries (docker pull / push / login).</summary>
public interface IImageDistribution
{
    /// <summary>
    /// Pulls <paramref name="reference"/> (tag or digest; "busybox" means docker.io/library/busybox:latest) for
    /// <paramref name="platform"/> ("linux/amd64" when null). Every blob is verified against its digest and every layer
    /// against its diff id; the image becomes visible only when complete. Progress is reported as it happens.
    /// </summary>
    Task<PullResult> PullAsync(string reference, string? platform, RegistryCredentials credentials, IProgress<DistributionProgress> progress, CancellationToken cancellationToken);

    /// <summary>Pushes the local image <paramref name="reference"/> to its registry, skipping blobs the registry has.</summary>
    Task<PushResult> PushAsync(string reference, RegistryCredentials credentials, IProgress<DistributionProgress> progress, CancellationToken cancellationToken);

    /// <summary>Checks <paramref name="credentials"/> against the registry named by their ServerAddress (Docker Hub when empty); throws Forbidden-class errors when refused.</summary>
    Task LoginAsync(RegistryCredentials credentials, CancellationToken cancellationToken);
}
