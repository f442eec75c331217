using System.Text.RegularExpressions;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Build.Context;

/// <summary>Finds the context files a COPY/ADD source list names: plain paths or filepath.Match globs, never outside the root.</summary>
internal static class ContextSourceResolver
{
    public static IReadOnlyList<ContextSource> Resolve(string root, IEnumerable<string> sources, string keyword = "COPY")
    {
        var result = new List<ContextSource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var cleaned = ContextPaths.Clean(source.Replace('\\', '/'));
            // The legacy builder refuses a source that climbs out of the context rather than quietly clamping it.
            if (cleaned == ".." || cleaned.StartsWith("../", StringComparison.Ordinal))
                throw EngineException.Invalid($"{keyword} failed: forbidden path outside the build context: {source}");
            var rel = ContextPaths.WithinRoot(cleaned);
            if (rel.IndexOfAny(['*', '?', '[']) >= 0)
            {
                var regex = IgnorePattern.ToRegex(rel, doubleStar: false);
                var before = result.Count;
                Walk(root, root, "", regex, result, seen);
                if (result.Count == before) throw EngineException.Invalid($"{keyword} failed: no source files were specified");
                continue;
            }
            var full = ContextRoot.Resolve(root, rel, followFinal: true);
            var isDir = Directory.Exists(full);
            if (!isDir && !File.Exists(full))
                throw EngineException.Invalid($"{keyword} failed: file not found in build context or excluded by .dockerignore: stat {source}: file does not exist");
            if (seen.Add(rel)) result.Add(new ContextSource(rel, full, isDir));
        }
        return result;
    }

    private static void Walk(string root, string dir, string prefix, Regex pattern, List<ContextSource> result, HashSet<string> seen)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(dir).Order(StringComparer.Ordinal))
        {
            var rel = prefix + Path.GetFileName(entry);
            var isLink = new FileInfo(entry).LinkTarget is not null;
            if (pattern.IsMatch(rel))
            {
                var full = isLink ? ContextRoot.Resolve(root, rel, followFinal: true) : entry;
                if (seen.Add(rel) && (Directory.Exists(full) || File.Exists(full)))
                    result.Add(new ContextSource(rel, full, Directory.Exists(full)));
                continue;
            }
            if (!isLink && Directory.Exists(entry)) Walk(root, entry, rel + "/", pattern, result, seen);
        }
    }
}
