namespace WebUI.Engine.Distribution;

/// <summary>Credentials for one registry, as the docker CLI sends them in X-Registry-Auth or to POST /auth. Never logged.</summary>
public sealed record RegistryCredentials(string? Username, string? Password, string? IdentityToken = null, string? RegistryToken = null, string? ServerAddress = null)
{
    public static readonly RegistryCredentials Anonymous = new(null, null);

    public bool HasBasic => !string.IsNullOrEmpty(Username) && Password is not null;

    /// <summary>Whether these carry anything to authenticate with (a user, an identity token or a registry token).</summary>
    public bool HasAny => HasBasic || !string.IsNullOrEmpty(IdentityToken) || !string.IsNullOrEmpty(RegistryToken);

    public override string ToString() => $"RegistryCredentials {{ Username = {Username} }}";
}
