using System.Formats.Tar;
using WebUI.Engine.Containers.Archive;
using WebUI.Engine.Errors;
using WebUI.Engine.Linux;

namespace WebUI.Engine.Containers;

// docker cp (archive HEAD/GET/PUT), docker diff and docker export.
internal sealed partial class ContainerService
{
    public async Task<PathStat> StatPathAsync(string idOrName, string path, CancellationToken cancellationToken)
    {
        var record = store.Get(idOrName);
        await using var root = await AcquireRootAsync(record, withMounts: true, cancellationToken);
        using var file = ArchiveReader.Open(root.Handle, path, idOrName);
        return ArchiveReader.Stat(file, path);
    }

    public async Task GetArchiveAsync(string idOrName, string path, Func<PathStat, CancellationToken, Task<Stream>> begin, CancellationToken cancellationToken)
    {
        var record = store.Get(idOrName);
        await using var root = await AcquireRootAsync(record, withMounts: true, cancellationToken);
        using var file = ArchiveReader.Open(root.Handle, path, idOrName);
        var stat = ArchiveReader.Stat(file, path);
        var output = await begin(stat, cancellationToken);
        await ArchiveReader.WriteAsync(file, stat.Name, output, cancellationToken);
    }

    public async Task PutArchiveAsync(string idOrName, string path, Stream archive, bool noOverwriteDirNonDir, bool copyUidGid, CancellationToken cancellationToken)
    {
        var record = store.Get(idOrName);
        if (string.IsNullOrEmpty(path)) throw EngineException.Invalid("path is required");
        await using var root = await AcquireRootAsync(record, withMounts: true, cancellationToken);
        ArchiveExtractor.CheckDestination(root.Handle, path, idOrName);
        await using var tar = await Layers.Decompression.OpenAsync(archive, cancellationToken);
        using var extractor = new ArchiveExtractor(root.Handle, path, noOverwriteDirNonDir, copyUidGid);
        try
        {
            await extractor.ExtractAsync(tar, cancellationToken);
        }
        catch (LinuxException e) when (e.Errno == 30)
        {
            throw EngineException.Invalid($"cannot copy to {path} in container {idOrName}: read-only file system");
        }
        catch (LinuxException e)
        {
            throw EngineException.Invalid($"cannot copy to {path} in container {idOrName}: {e.Message}");
        }
        catch (InvalidDataException e)
        {
            throw EngineException.Invalid($"invalid tar archive: {e.Message}");
        }
    }

    /// <summary>docker export: the container's file system (image + writable layer, without volumes) as a tar.</summary>
    public async Task ExportAsync(string idOrName, Stream output, CancellationToken cancellationToken)
    {
        var record = store.Get(idOrName);
        await using var root = await AcquireRootAsync(record, withMounts: false, cancellationToken);
        await using var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        using var dir = Sys.reopen(root.Handle, Sys.O_RDONLY | Sys.O_DIRECTORY);
        foreach (var child in Directory.EnumerateFileSystemEntries(Sys.FdPath(dir)).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal))
        {
            using var handle = Sys.openat2(root.Handle, child, Sys.O_PATH | Sys.O_NOFOLLOW, 0, Sys.RESOLVE_BENEATH | Sys.RESOLVE_NO_SYMLINKS);
            await ArchiveReader.WriteEntryAsync(tar, handle, child, cancellationToken);
        }
    }

    /// <summary>docker diff: what the writable layer adds (A), changes (C) and deletes (D, overlay whiteouts).</summary>
    public IReadOnlyList<ContainerChange> Changes(string idOrName)
    {
        var record = store.Get(idOrName);
        var mount = snapshots.Mounts(record.Id)[0];
        string upper;
        var lowers = new List<string>();
        if (mount.Type == "bind") upper = mount.Source;
        else
        {
            upper = mount.Options.First(o => o.StartsWith("upperdir=", StringComparison.Ordinal))["upperdir=".Length..];
            lowers.AddRange(mount.Options.First(o => o.StartsWith("lowerdir=", StringComparison.Ordinal))["lowerdir=".Length..].Split(':'));
        }
        // Mount points runc creates in the writable layer are not the container's changes (Docker hides them too).
        var hidden = new HashSet<string>(StringComparer.Ordinal) { "/etc/hostname", "/etc/hosts", "/etc/resolv.conf", "/dev", "/proc", "/sys" };
        hidden.UnionWith(record.MountPoints.Select(m => m.Destination));
        hidden.UnionWith((record.HostConfig.Tmpfs ?? []).Keys);
        var changes = new List<ContainerChange>();
        Walk(upper, "/");
        return [.. changes.OrderBy(c => c.Path, StringComparer.Ordinal)];

        // Returns whether it reported anything at or below the entries of `dir`.
        bool Walk(string dir, string prefix)
        {
            var any = false;
            foreach (var entry in Directory.EnumerateFileSystemEntries(dir))
            {
                var name = Path.GetFileName(entry);
                var path = prefix + name;
                var st = Sys.lstat(entry);
                if (hidden.Contains(path) && (st.IsDirectory ? !Directory.EnumerateFileSystemEntries(entry).Any() : st.Size == 0)) continue;
                if (st.Type == StatxResult.S_IFCHR && st.RdevMajor == 0 && st.RdevMinor == 0) { changes.Add(new ContainerChange(path, 2)); any = true; continue; }
                var lower = LowerOf(path);
                var at = changes.Count;
                var below = st.IsDirectory && Walk(entry, path + "/");
                // A directory copied up only to hold a hidden mount point (/etc for /etc/hosts) is no change of the
                // container's, as Docker keeps those in its init layer; one whose mode or owner changed still is.
                if (!below && st.IsDirectory && lower is { IsDirectory: true } l && HoldsHidden(path)
                    && l.Mode == st.Mode && l.Uid == st.Uid && l.Gid == st.Gid) continue;
                changes.Insert(at, new ContainerChange(path, lower is null ? 1 : 0));
                any = true;
            }
            return any;
        }

        StatxResult? LowerOf(string path)
        {
            foreach (var l in lowers)
            {
                try { return Sys.lstat(l + path); }
                catch (LinuxException) { }
            }
            return null;
        }

        bool HoldsHidden(string dir) => hidden.Any(h => h.StartsWith(dir + "/", StringComparison.Ordinal));
    }

    /// <summary>
    /// "/" of the container: /proc/&lt;pid&gt;/root while it runs (with volumes when <paramref name="withMounts"/>), else
    /// its rootfs mounted for the call under the container's lock, volumes and binds bound in through descriptors.
    /// </summary>
    private async Task<ContainerRoot> AcquireRootAsync(ContainerRecord record, bool withMounts, CancellationToken cancellationToken)
    {
        var id = record.Id;
        if (record.State.Running && record.State.Pid > 0 && withMounts)
        {
            try { return new ContainerRoot(Sys.open($"/proc/{record.State.Pid}/root", Sys.O_PATH | Sys.O_DIRECTORY), null); }
            catch (LinuxException) { /* exited meanwhile: fall through to the stopped case */ }
        }
        if (record.State.Running && !withMounts)
            return new ContainerRoot(Sys.open(Paths.RootfsDir(id), Sys.O_PATH | Sys.O_DIRECTORY), null);

        var live = Live(id);
        await live.Lock.WaitAsync(cancellationToken);
        var mountedVolumes = false;
        try
        {
            if (live.Removed) throw EngineException.NotFound($"No such container: {id}");
            MountRootfs(id, volatileUpper: false);
            var rootfs = Sys.open(Paths.RootfsDir(id), Sys.O_PATH | Sys.O_DIRECTORY);
            if (withMounts)
            {
                mountedVolumes = true;
                foreach (var m in record.MountPoints.Where(m => m.Type is "volume" or "bind"))
                {
                    var source = m.Type == "volume" ? await volumes.MountAsync(m.Name, id, cancellationToken) : m.Source;
                    SafeHandleBind(rootfs, source, m);
                }
            }
            return new ContainerRoot(rootfs, async () =>
            {
                try
                {
                    UnmountRootfs(id);
                    if (mountedVolumes) await ReleaseMountsAsync(record);
                }
                finally { live.Lock.Release(); }
            });
        }
        catch
        {
            UnmountRootfs(id);
            if (mountedVolumes) await ReleaseMountsAsync(record);
            live.Lock.Release();
            throw;
        }
    }

    /// <summary>Binds a volume or bind source onto its destination inside the mounted rootfs, resolved in-root (a symlinked destination cannot aim the bind at the host).</summary>
    private static void SafeHandleBind(Microsoft.Win32.SafeHandles.SafeFileHandle rootfs, string source, MountPoint m)
    {
        Microsoft.Win32.SafeHandles.SafeFileHandle target;
        try { target = Sys.openat2(rootfs, m.Destination, Sys.O_PATH, 0, Sys.RESOLVE_IN_ROOT | Sys.RESOLVE_NO_MAGICLINKS); }
        catch (LinuxException e) when (e.Errno is Sys.ENOENT or Sys.ENOTDIR) { return; } // nothing to bind onto: runc would create it at start
        using (target)
        {
            if (!Directory.Exists(source) && !File.Exists(source)) return;
            Sys.mount(source, Sys.FdPath(target), null, Sys.MS_BIND | Sys.MS_REC, null);
        }
        if (m.RW) return;
        using var mounted = Sys.openat2(rootfs, m.Destination, Sys.O_PATH, 0, Sys.RESOLVE_IN_ROOT | Sys.RESOLVE_NO_MAGICLINKS);
        Sys.mount("", Sys.FdPath(mounted), null, Sys.MS_BIND | Sys.MS_REMOUNT | Sys.MS_RDONLY, null);
    }
}
