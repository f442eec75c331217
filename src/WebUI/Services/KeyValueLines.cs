namespace WebUI.Services;

/// <summary>Parses "key=value" lines (labels, environment) typed into a text field.</summary>
public static class KeyValueLines
{
    /// <summary>Blank lines are skipped; a line without '=' is a key with an empty value (as docker --label does).</summary>
    public static Dictionary<string, string> Parse(string? text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in (text ?? "").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var eq = line.IndexOf('=');
            if (eq == 0) throw new FormatException($"'{line}' has no key before '='");
            result[eq < 0 ? line : line[..eq].Trim()] = eq < 0 ? "" : line[(eq + 1)..].Trim();
        }
        return result;
    }

    /// <summary>Non-empty trimmed lines.</summary>
    public static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}
