namespace WebUI.Engine.Build.Context;

/// <summary>Slash-path helpers with Go's path.Clean semantics, which Docker applies to context paths and patterns.</summary>
internal static class ContextPaths
{
    /// <summary>Go's path.Clean: collapses "//", ".", and ".." (not above "/" for rooted paths); "" becomes ".".</summary>
    public static string Clean(string path)
    {
        if (path.Length == 0) return ".";
        var rooted = path[0] == '/';
        var stack = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..")
            {
                if (stack.Count > 0 && stack[^1] != "..") stack.RemoveAt(stack.Count - 1);
                else if (!rooted) stack.Add("..");
                continue;
            }
            stack.Add(part);
        }
        var joined = string.Join('/', stack);
        if (rooted) return "/" + joined;
        return joined.Length == 0 ? "." : joined;
    }

    /// <summary>
    /// Cleans a path as if the context root were "/": ".." can never climb above it. Returns the relative form
    /// ("." for the root itself).
    /// </summary>
    public static string WithinRoot(string path)
    {
        var clean = Clean("/" + path.Replace('\\', '/'));
        return clean == "/" ? "." : clean[1..];
    }
}
