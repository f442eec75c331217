namespace WebUI.DockerApi.Volumes;

/// <summary>POST /volumes/create's body.</summary>
public sealed record VolumeCreateRequest
{
    public string? Name { get; init; }
    public string? Driver { get; init; }
    public Dictionary<string, string>? DriverOpts { get; init; }
    public Dictionary<string, string>? Labels { get; init; }
}
