namespace WebUI.Engine.Distribution;

/// <summary>The engine's <see cref="IImageDistribution"/>: pull, push and login, each delegated to its worker.</summary>
internal sealed class DistributionService(ImagePuller puller, ImagePusher pusher, RegistrySessions sessions) : IImageDistribution
{
    public Task<PullResult> PullAsync(string reference, string? platform, RegistryCredentials credentials, IProgress<DistributionProgress> progress, CancellationToken cancellationToken) =>
        puller.PullAsync(reference, platform, credentials, progress, cancellationToken);

    public Task<PushResult> PushAsync(string reference, RegistryCredentials credentials, IProgress<DistributionProgress> progress, CancellationToken cancellationToken) =>
        pusher.PushAsync(reference, credentials, progress, cancellationToken);

    public async Task LoginAsync(RegistryCredentials credentials, CancellationToken cancellationToken)
    {
        var client = await sessions.OpenRegistryAsync(RegistryAddress.DomainOf(credentials.ServerAddress), credentials, cancellationToken);
        await client.CheckLoginAsync(cancellationToken);
    }
}
