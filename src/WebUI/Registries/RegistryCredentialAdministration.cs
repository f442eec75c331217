using WebUI.Audit;
using WebUI.Engine.Distribution;
using WebUI.Identity;

namespace WebUI.Registries;

/// <summary>
/// The Registries page's service: listing, adding and removing server-side registry credentials, Admin only, each
/// change through <see cref="ChangeGuard"/> (demanded, then audited). A credential is stored only after the registry
/// accepted it, so a typo never replaces a working one.
/// </summary>
public sealed class RegistryCredentialAdministration(IRegistryCredentialStore store, IImageDistribution distribution, IUserAccess access, ChangeGuard guard)
{
    public async Task<IReadOnlyList<StoredRegistryCredential>> ListAsync(CancellationToken cancellationToken)
    {
        await access.DemandAsync(Policies.Admin, cancellationToken);
        return await store.ListAsync(cancellationToken);
    }

    public Task AddAsync(string registry, string username, string password, CancellationToken cancellationToken) =>
        guard.RunAsync(Policies.Admin, AuditActions.RegistryCredentialAdd, RegistryAddress.DomainOf(registry), async () =>
        {
            RegistryAddress.Parse(registry);
            await distribution.LoginAsync(new RegistryCredentials(username.Trim(), password, ServerAddress: registry.Trim()), cancellationToken);
            await store.SaveAsync(registry, username, password, cancellationToken);
        }, cancellationToken);

    public Task RemoveAsync(string registry, CancellationToken cancellationToken) =>
        guard.RunAsync(Policies.Admin, AuditActions.RegistryCredentialRemove, RegistryAddress.DomainOf(registry), async () =>
        {
            if (!await store.RemoveAsync(registry, cancellationToken))
                throw WebUI.Engine.Errors.EngineException.NotFound($"no credentials are stored for {RegistryAddress.DomainOf(registry)}");
        }, cancellationToken);
}
