namespace WebUI.Registries;

/// <summary>One stored registry credential as it lies on disk: the password only as a Data Protection payload.</summary>
internal sealed record RegistryCredentialEntry(string Registry, string Username, string ProtectedPassword, DateTimeOffset SavedAt);
