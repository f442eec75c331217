using System.Text;
using System.Text.RegularExpressions;

namespace WebUI.Engine.Build.Dockerfile;

/// <summary>
/// Turns Dockerfile text into instructions, following BuildKit's parser: directives only at the top,
/// comments stripped, continuations joined with the escape character (comment and blank lines inside a
/// continuation skipped), heredoc bodies read for RUN/COPY/ADD.
/// </summary>
internal static partial class DockerfileParser
{
    private static readonly string[] HeredocInstructions = ["RUN", "COPY", "ADD"];

    public static ParsedDockerfile Parse(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var lines = text.Split('\n');
        for (var n = 0; n < lines.Length; n++)
            if (lines[n].EndsWith('\r')) lines[n] = lines[n][..^1];
        // A trailing newline does not make an extra line.
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;

        string? syntax = null;
        var escape = '\\';
        var seenDirectives = new HashSet<string>(StringComparer.Ordinal);
        var directivesDone = false;
        var instructions = new List<Instruction>();
        var warnings = new List<string>();

        var i = 0;
        while (i < count)
        {
            var raw = lines[i].TrimStart();
            if (!directivesDone)
            {
                var m = DirectiveRegex().Match(raw);
                var name = m.Success ? m.Groups[1].Value.ToLowerInvariant() : null;
                if (name is "syntax" or "escape" or "check")
                {
                    if (!seenDirectives.Add(name)) throw ParseError.At(i + 1, $"only one {name} parser directive can be used");
                    var value = m.Groups[2].Value;
                    if (name == "escape")
                    {
                        if (value != "\\" && value != "`") throw ParseError.At(i + 1, $"invalid escape token '{value}' does not match ` or \\");
                        escape = value[0];
                    }
                    else if (name == "syntax")
                    {
                        syntax = value;
                    }
                    i++;
                    continue;
                }
                directivesDone = true;
            }

            i++;
            var startLine = i;
            if (IsComment(raw)) continue;
            var (line, ended) = TrimContinuation(raw, escape);
            if (ended && line.Trim().Length == 0) continue;
            var logical = new StringBuilder(line);
            var emptyContinuation = false;
            while (!ended && i < count)
            {
                var next = lines[i++];
                if (IsComment(next.TrimStart())) continue;
                if (next.Trim().Length == 0) { emptyContinuation = true; continue; }
                (next, ended) = TrimContinuation(next, escape);
                logical.Append(next);
            }
            var original = logical.ToString().Trim();
            if (original.Length == 0) continue;
            if (emptyContinuation) warnings.Add("[WARNING]: Empty continuation line found in:\n    " + logical);

            var instruction = InstructionParser.Parse(startLine, original, escape, heredocNames =>
            {
                var bodies = new List<Heredoc>();
                foreach (var (name, expand, chomp) in heredocNames)
                {
                    var body = new StringBuilder();
                    var terminated = false;
                    while (i < count)
                    {
                        var content = lines[i++];
                        var compare = chomp ? content.TrimStart('\t') : content;
                        if (compare == name) { terminated = true; break; }
                        body.Append(compare).Append('\n');
                    }
                    if (!terminated) throw ParseError.At(startLine, $"unterminated heredoc {name}");
                    bodies.Add(new Heredoc(name, body.ToString(), expand, chomp));
                }
                return bodies;
            });
            instructions.Add(instruction);
        }
        if (warnings.Count > 0) warnings.Add("[WARNING]: Empty continuation lines will become errors in a future release.");
        return new ParsedDockerfile(syntax, escape, instructions, warnings);
    }

    /// <summary>
    /// Parses one ONBUILD trigger stored in a base image's config (e.g. "COPY . /app"), which runs at the start
    /// of a stage built FROM that image. The same triggers are refused as in an ONBUILD line.
    /// </summary>
    public static Instruction ParseTrigger(string trigger)
    {
        var parsed = Parse("ONBUILD " + trigger);
        if (parsed.Instructions.Count != 1 || parsed.Instructions[0] is not OnbuildInstruction onbuild)
            throw Errors.EngineException.Invalid($"invalid ONBUILD trigger in base image: {trigger}");
        return onbuild.Trigger;
    }

    private static bool IsComment(string trimmedStart) => trimmedStart.StartsWith('#');

    /// <summary>Strips a trailing escape character (plus trailing blanks); false means the line continues.</summary>
    private static (string Line, bool Ended) TrimContinuation(string line, char escape)
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] is ' ' or '\t') end--;
        if (end > 0 && line[end - 1] == escape) return (line[..(end - 1)], false);
        return (line, true);
    }

    internal static bool CanHaveHeredoc(string keyword) => HeredocInstructions.Contains(keyword);

    [GeneratedRegex(@"^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$")]
    private static partial Regex DirectiveRegex();
}
