using WebUI.Engine.Volumes;

namespace WebUI.DockerApi.Volumes;

/// <summary>Docker's Volume object.</summary>
public sealed record VolumeResponse(
    string Name,
    string Driver,
    string Mountpoint,
    string CreatedAt,
    IReadOnlyDictionary<string, string> Labels,
    string Scope,
    IReadOnlyDictionary<string, string>? Options)
{
    public static VolumeResponse From(VolumeRecord v) => new(
        v.Name, v.Driver, v.Mountpoint, v.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssK"), v.Labels, "local",
        v.Options.Count == 0 ? null : v.Options);
}
