using System.Text.RegularExpressions;

namespace WebUI.Engine.Build.Dockerfile;

/// <summary>Finds <c>&lt;&lt;EOF</c> / <c>&lt;&lt;-EOF</c> / <c>&lt;&lt;"EOF"</c> words in a shell-form line, as BuildKit does.</summary>
internal static partial class HeredocWords
{
    public static List<(string Name, bool Expand, bool Chomp)> Find(string rest, char escape)
    {
        var found = new List<(string, bool, bool)>();
        if (!rest.Contains("<<", StringComparison.Ordinal)) return found;
        foreach (var word in WordSplitter.Split(rest, escape))
            if (TryParse(word) is { } h) found.Add(h);
        return found;
    }

    public static (string Name, bool Expand, bool Chomp)? TryParse(string word)
    {
        var m = HeredocRegex().Match(word);
        if (!m.Success) return null;
        var raw = m.Groups[3].Value;
        // A quoted delimiter turns off expansion of the body, like the shell.
        var quoted = raw.Contains('\'') || raw.Contains('"');
        var name = raw.Replace("'", "").Replace("\"", "");
        if (name.Length == 0) return null;
        return (name, !quoted, m.Groups[2].Value == "-");
    }

    [GeneratedRegex(@"^(\d*)<<(-?)\s*([^<]*)$")]
    private static partial Regex HeredocRegex();
}
