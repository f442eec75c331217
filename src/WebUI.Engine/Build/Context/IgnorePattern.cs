using System.Text;
using System.Text.RegularExpressions;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Build.Context;

/// <summary>One .dockerignore line compiled to a regex with moby/patternmatcher's rules.</summary>
internal sealed class IgnorePattern
{
    private readonly Regex _regex;

    public IgnorePattern(string text)
    {
        Exclusion = text.StartsWith('!');
        Text = Exclusion ? text[1..] : text;
        if (Text.Length == 0) throw EngineException.Invalid("illegal exclusion pattern: \"!\"");
        _regex = ToRegex(Text, doubleStar: true);
    }

    /// <summary>The cleaned pattern without its leading '!'.</summary>
    public string Text { get; }

    /// <summary>True for a "!pattern" line, which re-includes what earlier lines excluded.</summary>
    public bool Exclusion { get; }

    public bool IsMatch(string path) => _regex.IsMatch(path);

    /// <summary>Whether one path component matches one pattern component (no "/" on either side).</summary>
    internal static bool MatchesComponent(string patternPart, string name) => ToRegex(patternPart, doubleStar: false).IsMatch(name);

    /// <summary>Compiles a pattern; anything .NET's regex refuses (e.g. "[z-a]") is Go's ErrBadPattern.</summary>
    internal static Regex ToRegex(string pattern, bool doubleStar)
    {
        try
        {
            return new Regex(Compile(pattern, doubleStar), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            throw EngineException.Invalid($"syntax error in pattern: {pattern}");
        }
    }

    /// <summary>
    /// Pattern to regex. With <paramref name="doubleStar"/> off this is Go's filepath.Match (COPY globs), where
    /// "**" is just two stars.
    /// </summary>
    internal static string Compile(string pattern, bool doubleStar)
    {
        var re = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var ch = pattern[i];
            switch (ch)
            {
                case '*' when doubleStar && i + 1 < pattern.Length && pattern[i + 1] == '*':
                    i++;
                    // "**/" is the same as "**".
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/') i++;
                    re.Append(i + 1 == pattern.Length ? ".*" : "(.*/)?");
                    break;
                case '*': re.Append("[^/]*"); break;
                case '?': re.Append("[^/]"); break;
                case '\\':
                    if (i + 1 < pattern.Length) re.Append(Regex.Escape(pattern[++i].ToString()));
                    else re.Append(@"\\");
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0) throw EngineException.Invalid($"syntax error in pattern: {pattern}");
                    var body = pattern[(i + 1)..close];
                    if (body.StartsWith('!') || body.StartsWith('^')) body = "^" + body[1..];
                    if (body.Length == 0 || body == "^") throw EngineException.Invalid($"syntax error in pattern: {pattern}");
                    // Keep ranges (a-z) and negation; escape what .NET would read as class syntax.
                    re.Append('[').Append(body.Replace(@"\", @"\\").Replace("[", @"\[")).Append(']');
                    i = close;
                    break;
                default: re.Append(Regex.Escape(ch.ToString())); break;
            }
        }
        return re.Append('$').ToString();
    }
}
