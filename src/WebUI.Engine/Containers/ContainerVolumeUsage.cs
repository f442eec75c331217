using WebUI.Engine.Volumes;

namespace WebUI.Engine.Containers;

/// <summary>Tells the volume service which containers (running or not) mount a volume, so `docker volume rm` refuses those in use.</summary>
internal sealed class ContainerVolumeUsage(ContainerStore store) : IVolumeUsage
{
    public IReadOnlyList<string> ContainersUsing(string volumeName) =>
        [.. store.All().Where(c => c.MountPoints.Any(m => m.Type == "volume" && m.Name == volumeName)).Select(c => c.Id)];
}
