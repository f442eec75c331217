using WebUI.Engine.Errors;
using WebUI.Engine.Runtime;

namespace WebUI.Engine.Containers;

// Volumes and binds at start, exit and removal.
internal sealed partial class ContainerService
{
    /// <summary>
    /// Makes every mount ready for a start (rootfs mounted): volumes mounted through the volume service and filled
    /// from the image when new, -v bind sources created when missing; returns the spec's mount entries.
    /// </summary>
    private async Task<List<SpecMount>> PrepareMountsAsync(ContainerRecord record, CancellationToken cancellationToken)
    {
        var result = new List<SpecMount>();
        var copied = false;
        for (var i = 0; i < record.MountPoints.Count; i++)
        {
            var m = record.MountPoints[i];
            switch (m.Type)
            {
                case "volume":
                {
                    var source = await volumes.MountAsync(m.Name, record.Id, cancellationToken);
                    if (m.CopyData && m.RW)
                        VolumeCopyUp.CopyIfEmpty(Paths.RootfsDir(record.Id), m.Destination, source, cancellationToken);
                    if (m.CopyData) { record.MountPoints[i] = m with { CopyData = false }; copied = true; }
                    result.Add(new SpecMount(m.Destination, "bind", source, BindOptions(m, recursive: true, "rprivate")));
                    break;
                }
                case "bind":
                    if (!Directory.Exists(m.Source) && !File.Exists(m.Source))
                    {
                        if (!m.CreateSource) throw EngineException.Invalid($"invalid mount config for type \"bind\": bind source path does not exist: {m.Source}");
                        Directory.CreateDirectory(m.Source);
                    }
                    result.Add(new SpecMount(m.Destination, "bind", m.Source, BindOptions(m, !m.NonRecursive, m.Propagation)));
                    break;
                case "tmpfs":
                    var options = new List<string> { "nosuid", "nodev", "noexec" };
                    if (!m.RW) options.Add("ro");
                    if (!string.IsNullOrEmpty(m.TmpfsOptions)) options.AddRange(m.TmpfsOptions.Split(',', StringSplitOptions.RemoveEmptyEntries));
                    result.Add(new SpecMount(m.Destination, "tmpfs", "tmpfs", options));
                    break;
            }
        }
        if (copied) store.Save(record);
        return result;
    }

    private static List<string> BindOptions(MountPoint m, bool recursive, string propagation)
    {
        var options = new List<string> { recursive ? "rbind" : "bind", string.IsNullOrEmpty(propagation) ? "rprivate" : propagation };
        if (!m.RW) options.Add("ro");
        return options;
    }

    /// <summary>Releases the container's volumes (after an exit, a failed start or at removal); safe to call twice.</summary>
    private async Task ReleaseMountsAsync(ContainerRecord record)
    {
        foreach (var m in record.MountPoints.Where(m => m.Type == "volume"))
        {
            try { await volumes.UnmountAsync(m.Name, record.Id, CancellationToken.None); }
            catch (EngineException e) { LogVolumeReleaseFailed(logger, record.Id, m.Name, e); }
        }
    }

    /// <summary>docker rm -v and --rm: the container's anonymous volumes go, unless another container still uses them; named ones stay.</summary>
    private async Task RemoveAnonymousVolumesAsync(ContainerRecord record)
    {
        foreach (var m in record.MountPoints.Where(m => m.Type == "volume"))
        {
            try
            {
                if (!volumes.Get(m.Name).Anonymous) continue;
                await volumes.RemoveAsync(m.Name, force: false, CancellationToken.None);
            }
            catch (EngineException e) when (e.Kind is ErrorKind.NotFound or ErrorKind.Conflict)
            {
                LogVolumeKept(logger, record.Id, m.Name, e.Message);
            }
        }
    }

    /// <summary>Removes the anonymous volumes a failed create made.</summary>
    private async Task DiscardPlannedVolumesAsync(IEnumerable<MountPoint> planned, IReadOnlySet<string> existedBefore)
    {
        foreach (var m in planned.Where(m => m.Type == "volume" && !existedBefore.Contains(m.Name)))
        {
            try { await volumes.RemoveAsync(m.Name, force: true, CancellationToken.None); }
            catch (EngineException) { }
        }
    }
}
