namespace WebUI.Engine.Storage;

/// <summary>
/// Removing a directory off the caller's path: it is renamed out of the way (one atomic step, after which no reader finds
/// it), and its files are deleted on the thread pool. The owner of <c>aside</c>'s parent sweeps what a crash leaves there
/// at the next start. A rename that cannot be done (another file system) falls back to deleting in place, now.
/// </summary>
internal static class DeferredDelete
{
    /// <summary>Moves <paramref name="dir"/> to <paramref name="aside"/> and returns the deletion; a missing directory is not an error.</summary>
    public static Task Directory(string dir, string aside)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(aside)!);
            System.IO.Directory.Move(dir, aside);
        }
        catch (DirectoryNotFoundException) { return Task.CompletedTask; }
        catch (IOException) when (System.IO.Directory.Exists(dir))
        {
            System.IO.Directory.Delete(dir, recursive: true);
            return Task.CompletedTask;
        }
        return Task.Run(() => System.IO.Directory.Delete(aside, recursive: true));
    }

    /// <summary>Deletes what earlier runs left in <paramref name="parent"/> under names starting with <paramref name="prefix"/>.</summary>
    public static void Sweep(string parent, string prefix)
    {
        if (!System.IO.Directory.Exists(parent)) return;
        foreach (var stale in System.IO.Directory.EnumerateDirectories(parent, prefix + "*")) System.IO.Directory.Delete(stale, recursive: true);
    }
}
