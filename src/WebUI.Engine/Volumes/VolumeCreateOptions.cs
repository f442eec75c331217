namespace WebUI.Engine.Volumes;

/// <summary>What POST /volumes/create, `-v name:/path` and the dashboard's form ask for.</summary>
public sealed record VolumeCreateOptions
{
    /// <summary>Null or empty: an anonymous volume with a random 64-hex name.</summary>
    public string? Name { get; init; }
    public string? Driver { get; init; }
    public IReadOnlyDictionary<string, string> DriverOpts { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
