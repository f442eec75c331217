using WebUI.Engine.Linux;

namespace WebUI.Engine.Runtime;

/// <summary>
/// Resolves a container path's symlinks lexically inside a root directory (as if the root were "/"), without opening
/// anything: used to see where a path leads before the container exists. File I/O into a root uses
/// <c>RootFd</c> (openat2 RESOLVE_IN_ROOT) instead, which is race-free.
/// </summary>
internal static class RootPath
{
    /// <summary>The container path <paramref name="path"/> leads to, "/"-rooted; missing components are kept as they are.</summary>
    public static string Resolve(string root, string path)
    {
        var pending = new Stack<string>(path.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse());
        var resolved = new List<string>();
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".") continue;
            if (part == "..") { if (resolved.Count > 0) resolved.RemoveAt(resolved.Count - 1); continue; }
            var candidate = "/" + string.Join('/', resolved.Append(part));
            string? target = null;
            try
            {
                var st = Sys.lstat(root + candidate);
                if (st.IsSymlink) target = new FileInfo(root + candidate).LinkTarget;
            }
            catch (LinuxException) { }
            if (target is null) { resolved.Add(part); continue; }
            if (++links > 255) return candidate;
            if (target.StartsWith('/')) resolved.Clear();
            foreach (var t in target.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse()) pending.Push(t);
        }
        return "/" + string.Join('/', resolved);
    }
}
