namespace WebUI.Engine.Volumes;

/// <summary>A volume of the local driver: its name, where its data lives, and how it was created.</summary>
public sealed record VolumeRecord
{
    public required string Name { get; init; }
    public string Driver { get; init; } = LocalVolumeDriver.Name;
    /// <summary>The host directory mounted into containers (&lt;DataRoot&gt;/volumes/&lt;name&gt;/_data).</summary>
    public required string Mountpoint { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    /// <summary>Driver options: type, o, device (like `mount -t type -o o device`).</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>Made for `-v /path` or an image VOLUME, not named by the user; `docker rm -v` and prune remove these.</summary>
    public bool Anonymous => Labels.ContainsKey(AnonymousLabel);

    public const string AnonymousLabel = "com.docker.volume.anonymous";
}
