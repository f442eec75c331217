using WebUI.Engine.Linux;
using WebUI.Engine.Snapshots;

namespace WebUI.Engine.Build;

/// <summary>
/// A read-only view of an image's file system, for COPY --from sources, --chown names and destination checks:
/// overlay of its layers (a bind mount for a single layer, an empty directory for none). Dispose unmounts it.
/// </summary>
internal sealed class RootfsView : IDisposable
{
    private readonly bool _mounted;

    private RootfsView(string root, bool mounted)
    {
        Root = root;
        _mounted = mounted;
    }

    public string Root { get; }

    public static RootfsView Open(OverlaySnapshotter snapshots, string? topChainId, string tempDir)
    {
        var root = Path.Combine(tempDir, "view-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        if (topChainId is null) return new RootfsView(root, false);
        var lowers = snapshots.LowerDirs(topChainId);
        try
        {
            if (lowers.Count == 1)
            {
                Sys.mount(lowers[0], root, null, Sys.MS_BIND, null);
                Sys.mount(lowers[0], root, null, Sys.MS_BIND | Sys.MS_REMOUNT | Sys.MS_RDONLY, null);
            }
            else
            {
                Sys.mount("overlay", root, "overlay", Sys.MS_RDONLY, "lowerdir=" + string.Join(':', lowers));
            }
        }
        catch
        {
            TryUnmount(root);
            Directory.Delete(root);
            throw;
        }
        return new RootfsView(root, true);
    }

    public void Dispose()
    {
        if (_mounted) TryUnmount(Root);
        try { Directory.Delete(Root); }
        catch (IOException) { }
    }

    private static void TryUnmount(string root)
    {
        try { Sys.umount2(root, Sys.MNT_DETACH); }
        catch (LinuxException) { }
    }
}
