using Microsoft.Extensions.Options;
using WebUI.Engine;
using WebUI.Engine.Events;
using WebUI.Engine.Images;
using WebUI.Engine.Networks;
using WebUI.Engine.Volumes;

namespace WebUI.Services;

/// <summary>The home dashboard's view of the engine: counts, disk use and the event feed.</summary>
public sealed class DashboardView(IImageService images, IVolumeService volumes, INetworkManager networks, ContainersView containers, IEventBus events, IOptions<EngineOptions> options, TimeProvider time)
{
    private static readonly Dictionary<string, IReadOnlyList<string>> NoFilters = [];

    public async Task<DashboardSummary> SummaryAsync(CancellationToken cancellationToken)
    {
        var imageList = await images.ListAsync(new ImageListOptions(), cancellationToken);
        var volumeList = volumes.List(NoFilters);
        return new DashboardSummary(
            imageList.Count,
            imageList.Sum(i => i.Size),
            volumeList.Count,
            networks.List(NoFilters).Count,
            containers.CountByState(),
            DiskOf(options.Value.DataRoot));
    }

    /// <summary>Events of the last hour, then live ones until cancelled (no event missed or doubled in between).</summary>
    public IAsyncEnumerable<EngineEvent> EventsAsync(CancellationToken cancellationToken) =>
        events.SubscribeAsync(time.GetUtcNow().AddHours(-1), cancellationToken);

    /// <summary>Calls <paramref name="changed"/> on every engine event (the counts may have moved).</summary>
    public IDisposable OnChange(Action changed) => events.Subscribe(_ => changed());

    private static DiskUse? DiskOf(string path)
    {
        try
        {
            var drive = new DriveInfo(Path.GetFullPath(path));
            return drive.TotalSize > 0 ? new DiskUse(path, drive.TotalSize, drive.TotalSize - drive.AvailableFreeSpace) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
