using WebUI.Engine.Containers.Archive;
using WebUI.Engine.Errors;
using WebUI.Engine.Files;
using WebUI.Engine.Linux;

namespace WebUI.Engine.Containers;

// The file browser's directory listing: kept beside the archive operations' root handling (AcquireRootAsync), in its own file.
internal sealed partial class ContainerService : IContainerFiles
{
    public async Task<IReadOnlyList<ContainerFileEntry>> ListAsync(string idOrName, string path, CancellationToken cancellationToken)
    {
        var record = store.Get(idOrName);
        if (string.IsNullOrEmpty(path) || path[0] != '/') throw EngineException.Invalid($"invalid path {path}: it must be absolute");
        await using var root = await AcquireRootAsync(record, withMounts: true, cancellationToken);
        // A directory's own symlink is followed (inside the root), as ls does for "dir/".
        using var dir = ArchiveReader.Open(root.Handle, path.TrimEnd('/') + "/", idOrName);
        if (!Sys.fstat(dir).IsDirectory) throw EngineException.Invalid($"{path} is not a directory");
        using var readable = Sys.reopen(dir, Sys.O_RDONLY | Sys.O_DIRECTORY);
        var entries = new List<ContainerFileEntry>();
        foreach (var name in Directory.EnumerateFileSystemEntries(Sys.FdPath(readable)).Select(Path.GetFileName).OfType<string>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                using var child = Sys.openat2(dir, name, Sys.O_PATH | Sys.O_NOFOLLOW, 0, Sys.RESOLVE_BENEATH | Sys.RESOLVE_NO_SYMLINKS);
                var stat = ArchiveReader.Stat(child, path.TrimEnd('/') + "/" + name);
                entries.Add(new ContainerFileEntry(name, stat.Size, stat.Mode, stat.Mtime, stat.LinkTarget));
            }
            catch (LinuxException e) when (e.Errno is Sys.ENOENT) { /* removed meanwhile */ }
        }
        return [.. entries.OrderBy(e => !e.IsDirectory).ThenBy(e => e.Name, StringComparer.Ordinal)];
    }
}
