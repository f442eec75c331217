namespace WebUI.Registries;

/// <summary>The credentials file (<c>&lt;DataRoot&gt;/credentials/registries.json</c>).</summary>
internal sealed record RegistryCredentialFile(IReadOnlyList<RegistryCredentialEntry> Registries);
