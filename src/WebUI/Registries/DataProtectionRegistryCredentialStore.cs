using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using WebUI.Engine;
using WebUI.Engine.Distribution;
using WebUI.Engine.Errors;
using WebUI.Engine.Snapshots;
using WebUI.Engine.Storage;

namespace WebUI.Registries;

/// <summary>
/// <see cref="IRegistryCredentialStore"/> on ASP.NET Core Data Protection: passwords are protected with the server's
/// key ring (persisted under the data root, see <see cref="RegistryCredentialsHostingExtensions"/>) and written
/// atomically to <c>&lt;DataRoot&gt;/credentials/registries.json</c> in a directory only root can read. The file is
/// read on every lookup, so what the dashboard saves is used by the next pull.
/// </summary>
internal sealed partial class DataProtectionRegistryCredentialStore(
    IDataProtectionProvider protection,
    IOptions<EngineOptions> engine,
    TimeProvider time,
    ILogger<DataProtectionRegistryCredentialStore> logger) : IRegistryCredentialStore
{
    /// <summary>The Data Protection purpose: payloads made for anything else cannot be read here, nor these elsewhere.</summary>
    public const string Purpose = "WebUI.Registries.Credentials.v1";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);
    private readonly SemaphoreSlim _lock = new(1, 1);

    private string Directory => Path.Combine(engine.Value.DataRoot, "credentials");
    private string FilePath => Path.Combine(Directory, "registries.json");

    public async Task<RegistryCredentials?> FindAsync(string registry, CancellationToken cancellationToken)
    {
        var key = RegistryAddress.DomainOf(registry);
        var entry = (await ReadAsync(cancellationToken)).FirstOrDefault(e => e.Registry == key);
        if (entry is null) return null;
        try
        {
            return new RegistryCredentials(entry.Username, _protector.Unprotect(entry.ProtectedPassword), ServerAddress: entry.Registry);
        }
        catch (CryptographicException)
        {
            // A key ring that was lost or replaced: the credential is unusable, and the pull goes on without it.
            LogUnreadable(logger, entry.Registry);
            return null;
        }
    }

    public async Task<IReadOnlyList<StoredRegistryCredential>> ListAsync(CancellationToken cancellationToken) =>
        (await ReadAsync(cancellationToken)).Select(e => new StoredRegistryCredential(e.Registry, e.Username, e.SavedAt)).ToList();

    public async Task SaveAsync(string registry, string username, string password, CancellationToken cancellationToken)
    {
        var key = RegistryAddress.Parse(registry);
        if (string.IsNullOrWhiteSpace(username) || username.Contains(':') || username.Any(char.IsControl))
            throw EngineException.Invalid("the user name must not be empty and must not contain ':' or control characters");
        if (string.IsNullOrEmpty(password)) throw EngineException.Invalid("the password must not be empty");
        var entry = new RegistryCredentialEntry(key, username.Trim(), _protector.Protect(password), time.GetUtcNow());
        await ChangeAsync(entries => [.. entries.Where(e => e.Registry != key), entry], cancellationToken);
        LogSaved(logger, key, entry.Username);
    }

    public async Task<bool> RemoveAsync(string registry, CancellationToken cancellationToken)
    {
        var key = RegistryAddress.DomainOf(registry);
        var removed = false;
        await ChangeAsync(entries =>
        {
            removed = entries.Any(e => e.Registry == key);
            return entries.Where(e => e.Registry != key).ToList();
        }, cancellationToken);
        if (removed) LogRemoved(logger, key);
        return removed;
    }

    private async Task<IReadOnlyList<RegistryCredentialEntry>> ReadAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            return Read();
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task ChangeAsync(Func<IReadOnlyList<RegistryCredentialEntry>, IReadOnlyList<RegistryCredentialEntry>> change, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var next = change(Read()).OrderBy(e => e.Registry, StringComparer.Ordinal).ToList();
            // Only root reads the directory; what is in the file is encrypted anyway.
            System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            AtomicFile.WriteJson(FilePath, new RegistryCredentialFile(next));
        }
        finally
        {
            _lock.Release();
        }
    }

    private IReadOnlyList<RegistryCredentialEntry> Read() =>
        AtomicFile.ReadJson<RegistryCredentialFile>(FilePath)?.Registries ?? [];
}
