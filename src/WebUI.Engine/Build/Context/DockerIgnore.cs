namespace WebUI.Engine.Build.Context;

/// <summary>
/// The rules of a .dockerignore file (Docker's patternmatcher): later lines win, "!" re-includes, a path
/// is excluded when it or a parent directory matches. Paths are slash-separated and relative to the context root.
/// </summary>
internal sealed class DockerIgnore
{
    public static readonly DockerIgnore Empty = new([]);

    private readonly IReadOnlyList<IgnorePattern> _patterns;

    public DockerIgnore(IReadOnlyList<IgnorePattern> patterns) => _patterns = patterns;

    public IReadOnlyList<IgnorePattern> Patterns => _patterns;

    public static DockerIgnore Parse(string content)
    {
        var patterns = new List<IgnorePattern>();
        if (content.Length > 0 && content[0] == '\uFEFF') content = content[1..];
        foreach (var rawLine in content.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            // Only a '#' in the first column starts a comment, as in Docker.
            if (line.StartsWith('#')) continue;
            line = line.Trim();
            if (line.Length == 0) continue;
            var invert = line[0] == '!';
            if (invert) line = line[1..].Trim();
            if (line.Length > 0)
            {
                line = ContextPaths.Clean(line);
                if (line.Length > 1 && line[0] == '/') line = line[1..];
            }
            patterns.Add(new IgnorePattern(invert ? "!" + line : line));
        }
        return new DockerIgnore(patterns);
    }

    /// <summary>Docker's MatchesOrParentMatches: does the last pattern that applies (to the path or a parent) exclude it?</summary>
    public bool Matches(string relativePath)
    {
        var file = ContextPaths.Clean(relativePath).TrimStart('/');
        var slash = file.LastIndexOf('/');
        var parents = slash < 0 ? [] : file[..slash].Split('/');
        var matched = false;
        foreach (var p in _patterns)
        {
            // An include pattern cannot change an excluded path and an exception cannot change an included one.
            if (p.Exclusion != matched) continue;
            var match = p.IsMatch(file);
            for (var i = 0; !match && i < parents.Length; i++)
                match = p.IsMatch(string.Join('/', parents, 0, i + 1));
            if (match) matched = !p.Exclusion;
        }
        return matched;
    }

    /// <summary>
    /// Whether the path is left out of the context, including Docker's walk rule: an excluded directory is
    /// skipped whole unless some "!" pattern starts with that directory's path.
    /// </summary>
    public bool IsExcluded(string relativePath)
    {
        if (_patterns.Count == 0) return false;
        var file = ContextPaths.Clean(relativePath).TrimStart('/');
        if (file is "." or "") return false;
        var parts = file.Split('/');
        for (var i = 1; i < parts.Length; i++)
        {
            var dir = string.Join('/', parts, 0, i);
            if (Matches(dir) && !ExceptionCouldMatchInside(dir)) return true;
        }
        return Matches(file);
    }

    /// <summary>
    /// Docker keeps walking an excluded directory only if a "!" pattern starts with its path; this checks the same
    /// per path component, so wildcards ("!src/**/*.go", "!*/keep") count too.
    /// </summary>
    private bool ExceptionCouldMatchInside(string dir)
    {
        var dirParts = dir.Split('/');
        foreach (var p in _patterns)
        {
            if (!p.Exclusion) continue;
            var parts = p.Text.Split('/');
            var possible = true;
            for (var i = 0; i < dirParts.Length && possible; i++)
            {
                if (i >= parts.Length) { possible = false; break; }
                if (parts[i].Contains("**", StringComparison.Ordinal)) break;
                possible = IgnorePattern.MatchesComponent(parts[i], dirParts[i]);
            }
            if (possible && (parts.Length > dirParts.Length || parts.Take(dirParts.Length).Any(x => x.Contains("**", StringComparison.Ordinal))))
                return true;
        }
        return false;
    }
}
