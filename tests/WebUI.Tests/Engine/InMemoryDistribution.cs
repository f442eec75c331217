using WebUI.Engine.Distribution;
using WebUI.Engine.Errors;

namespace WebUI.Tests.Engine;

/// <summary>Pull and push that report the given progress events, record their arguments, and can fail or wait to be cancelled.</summary>
public sealed class InMemoryDistribution : IImageDistribution
{
    public List<DistributionProgress> Script { get; } = [];
    public List<(string Reference, RegistryCredentials Credentials)> Pulls { get; } = [];
    public List<(string Reference, RegistryCredentials Credentials)> Pushes { get; } = [];
    public Exception? Failure { get; set; }

    /// <summary>When set, the transfer waits for cancellation after reporting its script.</summary>
    public bool Hang { get; set; }

    public async Task<PullResult> PullAsync(string reference, string? platform, RegistryCredentials credentials, IProgress<DistributionProgress> progress, CancellationToken cancellationToken)
    {
        Pulls.Add((reference, credentials));
        await RunAsync(progress, cancellationToken);
        return new PullResult("sha256:" + new string('e', 64), "sha256:" + new string('f', 64), Updated: true);
    }

    public async Task<PushResult> PushAsync(string reference, RegistryCredentials credentials, IProgress<DistributionProgress> progress, CancellationToken cancellationToken)
    {
        Pushes.Add((reference, credentials));
        await RunAsync(progress, cancellationToken);
        return new PushResult("latest", "sha256:" + new string('f', 64), 527);
    }

    public Task LoginAsync(RegistryCredentials credentials, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RunAsync(IProgress<DistributionProgress> progress, CancellationToken cancellationToken)
    {
        foreach (var p in Script) progress.Report(p);
        if (Failure is { } e) throw e;
        if (Hang) await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
