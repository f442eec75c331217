using WebUI.Engine.Linux;

namespace WebUI.Engine.Runtime;

/// <summary>
/// Docker's copy-up: the image's content at a volume's mount path is copied into the volume when the volume is empty,
/// keeping modes, owners, times and symlinks (as links, never followed). Runs before the container's process exists.
/// </summary>
internal static class VolumeCopyUp
{
    /// <returns>Whether anything was copied.</returns>
    public static bool CopyIfEmpty(string rootfs, string containerPath, string volumeDir, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(volumeDir) || Directory.EnumerateFileSystemEntries(volumeDir).Any()) return false;
        var resolved = RootPath.Resolve(rootfs, containerPath);
        var source = rootfs + resolved;
        StatxResult st;
        try { st = Sys.lstat(source); }
        catch (LinuxException) { return false; }
        if (!st.IsDirectory) return false;
        CopyDirectory(source, volumeDir, cancellationToken);
        // The volume's root takes the directory's owner and mode, as in Docker (a VOLUME owned by a service user stays writable for it).
        Sys.lchown(volumeDir, (int)st.Uid, (int)st.Gid);
        Sys.chmod(volumeDir, st.Permissions);
        return true;
    }

    private static void CopyDirectory(string from, string to, CancellationToken cancellationToken)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(from))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var target = Path.Combine(to, Path.GetFileName(entry));
            var st = Sys.lstat(entry);
            if (st.IsDirectory)
            {
                Directory.CreateDirectory(target);
                CopyDirectory(entry, target, cancellationToken);
            }
            else if (st.IsSymlink)
            {
                File.CreateSymbolicLink(target, new FileInfo(entry).LinkTarget!);
            }
            else if (st.IsRegular)
            {
                File.Copy(entry, target);
            }
            else
            {
                // Devices, fifos and sockets in an image's volume path are not data: skip them.
                continue;
            }
            Sys.lchown(target, (int)st.Uid, (int)st.Gid);
            if (!st.IsSymlink) Sys.chmod(target, st.Permissions);
            Sys.lutimes(target, st.ModifiedAt, st.ModifiedAt);
        }
    }
}
