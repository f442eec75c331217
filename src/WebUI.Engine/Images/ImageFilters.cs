using System.Text;
using System.Text.RegularExpressions;
using WebUI.Engine.Errors;
using WebUI.Engine.References;

namespace WebUI.Engine.Images;

/// <summary>docker images --filter: dangling, reference (glob on the familiar name), label, before, since.</summary>
internal static class ImageFilters
{
    private static readonly HashSet<string> Known = ["dangling", "reference", "label", "before", "since"];

    public static void Validate(IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        foreach (var (key, values) in filters)
        {
            if (!Known.Contains(key)) throw EngineException.Invalid($"invalid filter '{key}'");
            if (key == "dangling")
                foreach (var v in values)
                    if (v is not ("true" or "false" or "1" or "0"))
                        throw EngineException.Invalid($"invalid filter 'dangling={v}'");
            if (key == "reference")
                foreach (var v in values)
                    _ = GlobRegex(v);
        }
    }

    public static bool Dangling(IReadOnlyList<string> values, ImageRecord image)
    {
        var wantDangling = values.Any(v => v is "true" or "1");
        return wantDangling == (image.RepoTags.Count == 0);
    }

    public static bool Labels(IReadOnlyList<string> values, ImageRecord image)
    {
        var labels = image.Spec.Config.Labels ?? [];
        foreach (var v in values)
        {
            var eq = v.IndexOf('=');
            if (eq < 0 ? !labels.ContainsKey(v) : !(labels.TryGetValue(v[..eq], out var actual) && actual == v[(eq + 1)..]))
                return false;
        }
        return true;
    }

    /// <summary>The names of the image that match any pattern, as Docker's FamiliarMatch does (familiar string, then familiar name).</summary>
    public static List<string> MatchingNames(IReadOnlyList<string> patterns, IEnumerable<string> names)
    {
        var regexes = patterns.Select(GlobRegex).ToList();
        return names.Where(n =>
        {
            var r = ImageReference.Parse(n);
            return regexes.Any(g => g.IsMatch(r.FamiliarString) || g.IsMatch(r.FamiliarName));
        }).ToList();
    }

    /// <summary>Go's path.Match as a regex: * and ? stop at '/', [...] classes with ^ or ! negation, \ escapes.</summary>
    internal static Regex GlobRegex(string pattern)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*': sb.Append("[^/]*"); break;
                case '?': sb.Append("[^/]"); break;
                case '\\' when i + 1 < pattern.Length: sb.Append(Regex.Escape(pattern[++i].ToString())); break;
                case '[':
                    var end = pattern.IndexOf(']', i + 1);
                    if (end < 0) throw EngineException.Invalid($"invalid filter 'reference={pattern}': syntax error in pattern");
                    var body = pattern[(i + 1)..end];
                    if (body.StartsWith('^') || body.StartsWith('!')) body = "^" + body[1..];
                    sb.Append('[').Append(body.Replace("\\", "\\\\")).Append(']');
                    i = end;
                    break;
                default: sb.Append(Regex.Escape(c.ToString())); break;
            }
        }
        return new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
