using WebUI.Engine.Volumes;

namespace WebUI.Services;

/// <summary>What the volume inspect dialog shows: the record, its data size and the containers using it.</summary>
public sealed record VolumeDetails(VolumeRecord Volume, long Size, IReadOnlyList<VolumeUser> UsedBy);
