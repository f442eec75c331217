namespace WebUI.Engine.Distribution;

/// <summary>
/// Registry credentials the server keeps (added from the dashboard), used for a pull or push that brings none of its
/// own. Keyed by registry host as references name it (<see cref="RegistryAddress.DomainOf"/>), so a credential only
/// ever goes to its own registry. Implementations keep passwords encrypted at rest and never log them.
/// </summary>
public interface IRegistryCredentialStore
{
    /// <summary>The credentials stored for <paramref name="registry"/>, or null.</summary>
    Task<RegistryCredentials?> FindAsync(string registry, CancellationToken cancellationToken);

    /// <summary>Every stored registry with its user name (never the password), ordered by registry.</summary>
    Task<IReadOnlyList<StoredRegistryCredential>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Stores (or replaces) the credentials for <paramref name="registry"/>.</summary>
    Task SaveAsync(string registry, string username, string password, CancellationToken cancellationToken);

    /// <summary>Forgets the credentials for <paramref name="registry"/>; false when there were none.</summary>
    Task<bool> RemoveAsync(string registry, CancellationToken cancellationToken);
}
