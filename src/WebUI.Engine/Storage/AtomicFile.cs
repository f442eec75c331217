using System.Text.Json;

namespace WebUI.Engine.Storage;

/// <summary>
/// The one way metadata reaches the disk, for the engine, the registry and the host alike: so a crash leaves the old
/// file or the new one, content goes to a temp file beside the target, is fsynced, renamed over it, and the directory
/// is fsynced (a rename is durable only once the directory entry is on disk).
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        var dir = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(dir);
        var temp = TempPath(dir, path);
        try
        {
            using (var fs = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                fs.Write(content);
                fs.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
            Linux.Sys.fsyncdir(dir);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public static void WriteJson<T>(string path, T value, JsonSerializerOptions? options = null) =>
        Write(path, JsonSerializer.SerializeToUtf8Bytes(value, options ?? Indented));

    public static T? ReadJson<T>(string path, JsonSerializerOptions? options = null) where T : class
    {
        if (!File.Exists(path)) return null;
        using var fs = File.OpenRead(path);
        return JsonSerializer.Deserialize<T>(fs, options ?? Indented);
    }

    /// <summary>Creates an empty marker file durably (a link); an existing one is kept.</summary>
    public static void Touch(string path)
    {
        if (File.Exists(path)) return;
        Write(path, []);
    }

    /// <summary>Removes a file and makes the removal durable; a missing file is not an error. Returns whether it existed.</summary>
    public static bool Delete(string path)
    {
        if (!File.Exists(path)) return false;
        File.Delete(path);
        Linux.Sys.fsyncdir(Path.GetDirectoryName(path)!);
        return true;
    }

    private static string TempPath(string dir, string path) =>
        Path.Combine(dir, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
