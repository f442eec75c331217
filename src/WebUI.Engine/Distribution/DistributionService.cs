using WebUI.Engine.References;

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
        var client = await sessions.OpenRegistryAsync(DomainOf(credentials.ServerAddress), credentials, cancellationToken);
        await client.CheckLoginAsync(cancellationToken);
    }

    /// <summary>"https://index.docker.io/v1/", "127.0.0.1:5000", "http://host:5000/" → the registry host as references name it.</summary>
    internal static string DomainOf(string? serverAddress)
    {
        if (string.IsNullOrWhiteSpace(serverAddress)) return ImageReference.DefaultDomain;
        var s = serverAddress.Trim();
        if (s.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(s, UriKind.Absolute, out var uri)) s = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        s = s.TrimEnd('/');
        var slash = s.IndexOf('/');
        if (slash >= 0) s = s[..slash];
        return s is "index.docker.io" or "registry-1.docker.io" or "docker.io" ? ImageReference.DefaultDomain : s;
    }
}
