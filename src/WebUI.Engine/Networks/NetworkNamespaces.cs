using WebUI.Engine.Linux;

namespace WebUI.Engine.Networks;

/// <summary>
/// Persistent network namespaces as `ip netns` makes them: a thread of its own unshares CLONE_NEWNET, brings lo up and
/// bind-mounts its /proc/self/task/&lt;tid&gt;/ns/net onto a file, so the namespace outlives the thread (and this process);
/// delete unmounts and unlinks the file. Threads that enter a namespace end afterwards, so no pooled thread is left in one.
/// </summary>
internal sealed class NetworkNamespaces(string directory)
{
    public string Directory { get; } = directory;

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>Creates the namespace file &lt;directory&gt;/&lt;name&gt; (replacing a stale one) and returns its path.</summary>
    public string Create(string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = PathOf(name);
        Delete(path);
        using (File.Create(path)) { }
        try
        {
            OnOwnThread(() =>
            {
                Sys.unshare(Sys.CLONE_NEWNET);
                Sys.InterfaceUp("lo");
                Sys.mount($"/proc/self/task/{Sys.gettid()}/ns/net", path, null, Sys.MS_BIND, null);
                return 0;
            });
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        return path;
    }

    /// <summary>Unmounts and removes a namespace file; a missing or unmounted one is fine.</summary>
    public static void Delete(string path)
    {
        try { Sys.umount2(path, Sys.MNT_DETACH); }
        catch (LinuxException e) when (e.Errno is 22 /* EINVAL: not mounted */ or 2 /* ENOENT */) { }
        try { File.Delete(path); }
        catch (DirectoryNotFoundException) { }
    }

    /// <summary>Whether the file is a mounted namespace (it still holds the namespace).</summary>
    public static bool IsMounted(string path)
    {
        if (!File.Exists(path)) return false;
        try { return File.ReadAllLines("/proc/self/mountinfo").Any(l => l.Split(' ') is { Length: > 4 } f && f[4] == path); }
        catch (IOException) { return false; }
    }

    /// <summary>Runs <paramref name="action"/> on a new thread inside the namespace; sockets it opens stay in that namespace.</summary>
    public static T RunIn<T>(string path, Func<T> action) => OnOwnThread(() =>
    {
        var fd = Sys.OpenNamespace(path);
        try { Sys.setns(fd, Sys.CLONE_NEWNET, path); }
        finally { Sys.close(fd); }
        return action();
    });

    private static T OnOwnThread<T>(Func<T> action)
    {
        T result = default!;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try { result = action(); }
            catch (Exception e) { error = e; }
        }, 256 * 1024) { IsBackground = true, Name = "netns" };
        thread.Start();
        thread.Join();
        if (error is not null) throw error;
        return result;
    }
}
