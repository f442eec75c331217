using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;
using WebUI.Engine.Errors;
using WebUI.Engine.References;

namespace WebUI.Engine.Distribution;

/// <summary>
/// Where a registry host is reached: Docker Hub is registry-1.docker.io (after the configured mirrors, for pulls);
/// insecure registries (loopback, Engine:InsecureRegistries) are tried over HTTPS without verification first and
/// then over plain HTTP, as Docker does. The working base address is remembered per host.
/// </summary>
internal sealed class RegistryEndpoints(IOptions<DistributionOptions> options, RegistryHttpClients clients)
{
    public const string DockerHubHost = "registry-1.docker.io";
    private readonly ConcurrentDictionary<string, Uri> _working = new(StringComparer.Ordinal);

    /// <summary>The base URIs to try for <paramref name="domain"/>, best first.</summary>
    public IReadOnlyList<Uri> Candidates(string domain, bool pull)
    {
        if (domain == ImageReference.DefaultDomain)
        {
            var list = pull ? options.Value.RegistryMirrors.Select(m => new Uri(m.TrimEnd('/') + "/")).ToList() : [];
            list.Add(new Uri($"https://{DockerHubHost}/"));
            return list;
        }
        return IsInsecure(domain) ? [new Uri($"https://{domain}/"), new Uri($"http://{domain}/")] : [new Uri($"https://{domain}/")];
    }

    /// <summary>Finds the first candidate that answers GET /v2/ with any HTTP status; throws with every failure when none does.</summary>
    public async Task<Uri> ResolveAsync(string domain, bool pull, CancellationToken cancellationToken)
    {
        if (_working.TryGetValue(domain, out var known)) return known;
        var failures = new List<string>();
        foreach (var candidate in Candidates(domain, pull))
        {
            try
            {
                using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                cts.CancelAfter(TimeSpan.FromSeconds(30));
                using var ping = new HttpRequestMessage(HttpMethod.Get, new Uri(candidate, "v2/"));
                using var response = await clients.For(IsInsecure(domain)).SendAsync(ping, HttpCompletionOption.ResponseHeadersRead, cts.Token);
                _working[domain] = candidate;
                return candidate;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                failures.Add($"{candidate}v2/: {e.Message}");
            }
        }
        throw EngineException.Precondition($"cannot reach registry {domain}: {string.Join("; ", failures)}");
    }

    /// <summary>Forgets the remembered endpoint of a host (after it stopped answering).</summary>
    public void Forget(string domain) => _working.TryRemove(domain, out _);

    public bool IsInsecure(string domain)
    {
        var host = HostOf(domain);
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        IPAddress.TryParse(host, out var ip);
        if (ip is not null && IPAddress.IsLoopback(ip)) return true;
        foreach (var entry in options.Value.InsecureRegistries)
        {
            if (entry.Equals(domain, StringComparison.OrdinalIgnoreCase) || entry.Equals(host, StringComparison.OrdinalIgnoreCase)) return true;
            if (ip is not null && entry.Contains('/') && IPNetwork.TryParse(entry, out var network) && network.Contains(ip)) return true;
        }
        return false;
    }

    private static string HostOf(string domain)
    {
        if (domain.StartsWith('['))
        {
            var close = domain.IndexOf(']');
            return close > 0 ? domain[1..close] : domain;
        }
        var colon = domain.LastIndexOf(':');
        return colon > 0 ? domain[..colon] : domain;
    }
}
