using System.Security.Cryptography;
using System.Text;

namespace WebUI.Engine.Build.Context;

/// <summary>
/// The layer-cache key of a COPY/ADD source set: one sha256 over the sorted matched paths with their type,
/// mode, owner (after --chown), content hash or symlink target. Modification times are left out, so touching
/// a file without changing it keeps the cache, and files outside the sources never take part.
/// </summary>
internal static class FileSetChecksum
{
    public static string Compute(IReadOnlyList<ContextSource> sources, int uid = 0, int gid = 0, UnixFileMode? chmod = null)
    {
        var lines = new List<string>();
        foreach (var s in sources)
        {
            lines.Add($"S\0{s.RelativePath}\0{(s.IsDirectory ? 'd' : 'f')}");
            if (s.IsDirectory)
            {
                lines.Add(Describe(s.RelativePath, s.FullPath, 'd', uid, gid, chmod));
                Walk(s.FullPath, s.RelativePath, lines, uid, gid, chmod);
            }
            else
            {
                lines.Add(Describe(s.RelativePath, s.FullPath, 'f', uid, gid, chmod));
            }
        }
        lines.Sort(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var line in lines)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(line));
            hash.AppendData("\n"u8);
        }
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Walk(string dir, string rel, List<string> lines, int uid, int gid, UnixFileMode? chmod)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(dir))
        {
            var childRel = rel + "/" + Path.GetFileName(entry);
            var info = new FileInfo(entry);
            if (info.LinkTarget is not null) lines.Add(Describe(childRel, entry, 'l', uid, gid, chmod));
            else if (Directory.Exists(entry))
            {
                lines.Add(Describe(childRel, entry, 'd', uid, gid, chmod));
                Walk(entry, childRel, lines, uid, gid, chmod);
            }
            else lines.Add(Describe(childRel, entry, 'f', uid, gid, chmod));
        }
    }

    private static string Describe(string rel, string full, char type, int uid, int gid, UnixFileMode? chmod)
    {
        var mode = type == 'l' ? 0 : (int)(chmod ?? File.GetUnixFileMode(full));
        var content = type switch
        {
            'l' => new FileInfo(full).LinkTarget!,
            'f' => HashFile(full),
            _ => "",
        };
        return $"E\0{rel}\0{type}\0{Convert.ToString(mode, 8)}\0{uid}:{gid}\0{content}";
    }

    private static string HashFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
