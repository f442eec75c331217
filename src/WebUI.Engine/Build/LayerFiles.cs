using WebUI.Engine.Build.Context;
using WebUI.Engine.Errors;
using WebUI.Engine.Linux;

namespace WebUI.Engine.Build;

/// <summary>
/// Writes COPY/ADD results into a fresh layer directory. Parent directories that exist in the image are recreated
/// with the image's owner, mode and time (so the new layer does not change them); new ones are root's, 0755.
/// Symlinks are copied as links, never followed; nothing is written outside the layer directory.
/// </summary>
internal sealed class LayerFiles(string layer, string imageRoot, int uid, int gid, UnixFileMode? chmod)
{
    /// <summary>Creates <paramref name="path"/> (absolute in the image) and its parents in the layer; the last one gets the copy's owner.</summary>
    public string EnsureDirectory(string path, bool own)
    {
        var parts = Split(path);
        var current = layer;
        var image = imageRoot;
        for (var i = 0; i < parts.Count; i++)
        {
            current = Path.Combine(current, parts[i]);
            image = Path.Combine(image, parts[i]);
            if (Directory.Exists(current)) continue;
            Directory.CreateDirectory(current);
            var imageInfo = new DirectoryInfo(image);
            if (imageInfo.Exists && imageInfo.LinkTarget is null)
            {
                var st = Sys.lstatFull(image);
                Sys.lchown(current, (int)st.st_uid, (int)st.st_gid);
                Sys.chmod(current, st.st_mode & 0xfff);
                Sys.lutimes(current, DateTimeOffset.FromUnixTimeSeconds(st.st_mtim.tv_sec), DateTimeOffset.FromUnixTimeSeconds(st.st_mtim.tv_sec));
            }
            else if (imageInfo.LinkTarget is not null)
            {
                throw EngineException.Invalid($"cannot copy to {path}: {"/" + string.Join('/', parts.Take(i + 1))} is a symbolic link in the image");
            }
            else
            {
                var last = i == parts.Count - 1 && own;
                Sys.lchown(current, last ? uid : 0, last ? gid : 0);
                Sys.chmod(current, 0x1ed);
            }
        }
        return current;
    }

    /// <summary>Whether <paramref name="path"/> is a directory in the image (following no links).</summary>
    public bool IsImageDirectory(string path)
    {
        var full = Path.Combine(imageRoot, string.Join('/', Split(path)));
        var info = new DirectoryInfo(full);
        return info.Exists && info.LinkTarget is null;
    }

    /// <summary>Copies one source (a file, a symlink, or a directory's contents) to <paramref name="target"/> inside the layer.</summary>
    public void Copy(ContextSource source, string target)
    {
        if (source.IsDirectory)
        {
            if (!Directory.Exists(target)) CreateOwnedDirectory(target, source.FullPath);
            CopyContents(source.FullPath, target);
        }
        else
        {
            CopyEntry(source.FullPath, target);
        }
    }

    private void CopyContents(string from, string to)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(from).Order(StringComparer.Ordinal))
            CopyEntry(entry, Path.Combine(to, Path.GetFileName(entry)));
    }

    private void CopyEntry(string from, string to)
    {
        var st = Sys.lstatFull(from);
        var type = st.st_mode & Sys.S_IFMT;
        var mtime = DateTimeOffset.FromUnixTimeSeconds(st.st_mtim.tv_sec);
        var mergeDirectory = type == Sys.S_IFDIR && Directory.Exists(to) && new FileInfo(to).LinkTarget is null;
        if (!mergeDirectory) Remove(to);
        switch (type)
        {
            case Sys.S_IFDIR:
                if (!mergeDirectory) CreateOwnedDirectory(to, from);
                CopyContents(from, to);
                Sys.lutimes(to, mtime, mtime);
                return;
            case Sys.S_IFLNK:
                File.CreateSymbolicLink(to, new FileInfo(from).LinkTarget!);
                Sys.lchown(to, uid, gid);
                Sys.lutimes(to, mtime, mtime);
                return;
            case Sys.S_IFREG:
                using (var input = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
                using (var output = new FileStream(to, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                    input.CopyTo(output);
                Sys.lchown(to, uid, gid);
                Sys.chmod(to, chmod is { } m ? (uint)m : st.st_mode & 0xfff);
                Sys.lutimes(to, mtime, mtime);
                return;
            default:
                throw EngineException.Invalid($"cannot copy {from}: only files, directories and symbolic links can be copied");
        }
    }

    private void CreateOwnedDirectory(string to, string from)
    {
        Directory.CreateDirectory(to);
        Sys.lchown(to, uid, gid);
        Sys.chmod(to, chmod is { } m ? (uint)m : Sys.lstatFull(from).st_mode & 0xfff);
    }

    private static void Remove(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null || info.Exists) File.Delete(path);
        else if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    }

    public static List<string> Split(string path) => path.Split('/').Where(p => p.Length > 0 && p != ".").ToList();
}
