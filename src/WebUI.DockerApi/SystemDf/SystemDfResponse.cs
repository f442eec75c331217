using WebUI.DockerApi.Containers;
using WebUI.DockerApi.Images;

namespace WebUI.DockerApi.SystemDf;

/// <summary>GET /system/df: Docker's DiskUsage.</summary>
public sealed record SystemDfResponse(
    long LayersSize, IReadOnlyList<ImageSummary> Images, IReadOnlyList<ContainerSummary> Containers, IReadOnlyList<DfVolume> Volumes,
    IReadOnlyList<object> BuildCache);
