namespace WebUI.Services;

/// <summary>The dashboard's numbers at one moment.</summary>
public sealed record DashboardSummary(int Images, long ImagesSize, int Volumes, int Networks, IReadOnlyDictionary<string, int> ContainersByState, DiskUse? Disk)
{
    public int Containers => ContainersByState.Values.Sum();
}
