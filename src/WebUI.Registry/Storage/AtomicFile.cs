using System.Runtime.InteropServices;

namespace WebUI.Registry.Storage;

/// <summary>Writes small metadata files so a crash leaves the old content or the new: temp file, fsync, rename, fsync the directory.</summary>
internal static partial class AtomicFile
{
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        var dir = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (var fs = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                fs.Write(content);
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
        FsyncDirectory(Path.GetDirectoryName(path)!);
        return true;
    }

    private static void FsyncDirectory(string dir)
    {
        const int O_RDONLY = 0, O_DIRECTORY = 0x10000, O_CLOEXEC = 0x80000, EINTR = 4;
        int fd;
        while ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno != EINTR) throw new IOException($"open {dir}: errno {errno}");
        }
        try
        {
            while (fsync(fd) == -1)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno != EINTR) throw new IOException($"fsync {dir}: errno {errno}");
            }
        }
        finally
        {
            close(fd);
        }
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fsync(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);
}
