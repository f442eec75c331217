namespace WebUI.DockerApi.SystemDf;

/// <summary>A volume in GET /system/df: Docker's Volume object with UsageData.</summary>
public sealed record DfVolume(
    string Name, string Driver, string Mountpoint, string CreatedAt, IReadOnlyDictionary<string, string> Labels, string Scope,
    IReadOnlyDictionary<string, string>? Options, VolumeUsageData UsageData);
