using WebUI.DockerApi.Images;

namespace WebUI.DockerApi.SystemDf;

/// <summary>GET /system/df: Docker's DiskUsage.</summary>
public sealed record SystemDfResponse(
    long LayersSize, IReadOnlyList<ImageSummary> Images, IReadOnlyList<DfContainer> Containers, IReadOnlyList<DfVolume> Volumes,
    IReadOnlyList<object> BuildCache);
