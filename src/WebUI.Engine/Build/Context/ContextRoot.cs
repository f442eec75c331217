using WebUI.Engine.Errors;

namespace WebUI.Engine.Build.Context;

/// <summary>
/// Resolves paths inside a context directory as if it were "/": ".." stops at the root and symlinks,
/// absolute or relative, are followed within it, so no path handed out can point outside.
/// </summary>
internal static class ContextRoot
{
    private const int MaxLinks = 255;

    /// <summary>The host path for <paramref name="path"/>; the last component is followed only if <paramref name="followFinal"/>.</summary>
    public static string Resolve(string root, string path, bool followFinal)
    {
        var remaining = new LinkedList<string>(Split(path));
        var resolved = new List<string>();
        var links = 0;
        while (remaining.First is { } node)
        {
            remaining.RemoveFirst();
            var part = node.Value;
            if (part == "..")
            {
                if (resolved.Count > 0) resolved.RemoveAt(resolved.Count - 1);
                continue;
            }
            var candidate = Path.Join(root, string.Join('/', resolved), part);
            var isLast = remaining.Count == 0;
            var target = new FileInfo(candidate).LinkTarget;
            if (target is not null && (!isLast || followFinal))
            {
                if (++links > MaxLinks) throw EngineException.Invalid($"too many levels of symbolic links: {path}");
                if (target.StartsWith('/')) resolved.Clear();
                foreach (var p in Split(target).Reverse()) remaining.AddFirst(p);
                continue;
            }
            resolved.Add(part);
        }
        return resolved.Count == 0 ? root : Path.Join(root, string.Join('/', resolved));
    }

    private static IEnumerable<string> Split(string path) =>
        path.Split('/').Where(p => p.Length > 0 && p != ".");
}
