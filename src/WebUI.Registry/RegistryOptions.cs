namespace WebUI.Registry;

/// <summary>The built-in registry at /v2 on the web port; bound from the "Registry" section.</summary>
public sealed class RegistryOptions
{
    public const string SectionName = "Registry";

    /// <summary>Serve /v2 at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>An upload session with no activity for this long is abandoned and removed.</summary>
    public TimeSpan UploadSessionExpiry { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often abandoned upload sessions are looked for.</summary>
    public TimeSpan UploadSweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The most entries a tags list or catalog page returns when the client sets no ?n=, and the cap on ?n=.</summary>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>The realm named in WWW-Authenticate when a request must authenticate.</summary>
    public string Realm { get; set; } = "WebUI Registry";
}
