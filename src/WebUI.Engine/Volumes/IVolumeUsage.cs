namespace WebUI.Engine.Volumes;

/// <summary>Tells the volume service which containers use a volume, so rm and prune can refuse or skip it.</summary>
public interface IVolumeUsage
{
    /// <summary>Ids of containers (running or not) that mount the volume.</summary>
    IReadOnlyList<string> ContainersUsing(string volumeName);
}
