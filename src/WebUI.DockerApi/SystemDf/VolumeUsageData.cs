namespace WebUI.DockerApi.SystemDf;

/// <summary>A volume's UsageData in GET /system/df: bytes used and containers referring to it.</summary>
public sealed record VolumeUsageData(long Size, long RefCount);
