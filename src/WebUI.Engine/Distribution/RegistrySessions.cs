using WebUI.Engine.References;

namespace WebUI.Engine.Distribution;

/// <summary>
/// Opens a <see cref="RegistryClient"/> for a repository: resolves the endpoint, picks the HTTP client for its security,
/// and, when the caller brought no credentials, takes the ones the server stores for that very registry (if a host
/// registered an <see cref="IRegistryCredentialStore"/>).
/// </summary>
internal sealed class RegistrySessions(RegistryEndpoints endpoints, RegistryHttpClients clients, IRegistryCredentialStore? stored = null)
{
    public async Task<RegistryClient> OpenAsync(ImageReference reference, RegistryCredentials credentials, bool push, CancellationToken cancellationToken)
    {
        if (!credentials.HasAny && stored is not null)
            credentials = await stored.FindAsync(reference.Domain, cancellationToken) ?? credentials;
        var baseUri = await endpoints.ResolveAsync(reference.Domain, pull: !push, cancellationToken);
        // Docker Hub credentials belong to Docker Hub, not to a mirror standing in for it.
        if (reference.Domain == ImageReference.DefaultDomain && baseUri.Host != RegistryEndpoints.DockerHubHost) credentials = RegistryCredentials.Anonymous;
        return new RegistryClient(clients.For(endpoints.IsInsecure(reference.Domain) || baseUri.Scheme == "http"), baseUri, reference.Path, credentials, push ? "pull,push" : "pull");
    }

    /// <summary>A client for the registry itself (no repository), for login.</summary>
    public async Task<RegistryClient> OpenRegistryAsync(string domain, RegistryCredentials credentials, CancellationToken cancellationToken)
    {
        var baseUri = await endpoints.ResolveAsync(domain, pull: false, cancellationToken);
        return new RegistryClient(clients.For(endpoints.IsInsecure(domain)), baseUri, "", credentials, "");
    }
}
