namespace WebUI.Engine.Distribution;

/// <summary>What may be shown of a stored registry credential: the registry, the user name and when it was saved.</summary>
public sealed record StoredRegistryCredential(string Registry, string Username, DateTimeOffset SavedAt);
