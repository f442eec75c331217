using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using WebUI.Engine;
using WebUI.Engine.Distribution;

namespace WebUI.Registries;

/// <summary>DI entry point of server-side registry credentials: the Data Protection key ring under the data root, the store, the page's service.</summary>
public static class RegistryCredentialsHostingExtensions
{
    /// <summary>
    /// Persists the Data Protection key ring in <c>&lt;DataRoot&gt;/keys/</c> (mode 0700), so what it protects (stored
    /// registry passwords, and the sign-in cookies) survives a restart and stays with this installation, and registers
    /// <see cref="IRegistryCredentialStore"/>, which the engine uses for pulls and pushes that bring no credentials.
    /// </summary>
    public static IServiceCollection AddRegistryCredentials(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("WebUI");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<EngineOptions>, ILoggerFactory>((options, engine, loggers) =>
        {
            var keys = new DirectoryInfo(Path.Combine(engine.Value.DataRoot, "keys"));
            keys.Create();
            File.SetUnixFileMode(keys.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            options.XmlRepository = new FileSystemXmlRepository(keys, loggers);
        });
        services.AddSingleton<IRegistryCredentialStore, DataProtectionRegistryCredentialStore>();
        services.AddScoped<RegistryCredentialAdministration>();
        return services;
    }
}
