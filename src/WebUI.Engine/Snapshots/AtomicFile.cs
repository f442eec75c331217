using System.Text.Json;

namespace WebUI.Engine.Snapshots;

/// <summary>Writes metadata so a crash leaves the old file or the new one: temp file, fsync, rename, fsync the directory.</summary>
internal static class AtomicFile
{
    public static void WriteJson<T>(string path, T value, JsonSerializerOptions? options = null)
    {
        var dir = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (var fs = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                JsonSerializer.Serialize(fs, value, options ?? Indented);
                fs.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
            FsyncDirectory(dir);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public static T? ReadJson<T>(string path, JsonSerializerOptions? options = null) where T : class
    {
        if (!File.Exists(path)) return null;
        using var fs = File.OpenRead(path);
        return JsonSerializer.Deserialize<T>(fs, options ?? Indented);
    }

    // The rename is durable only once the directory entry is on disk.
    private static void FsyncDirectory(string dir) => Linux.Sys.fsyncdir(dir);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
