using System.Text;

namespace WebUI.Engine.Build.Dockerfile;

/// <summary>
/// The leading <c>--name[=value]</c> words of an instruction, checked against the flags that instruction
/// accepts. Quotes and backslashes in flag words are removed here, as Docker does.
/// </summary>
internal sealed class InstructionFlags
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    private InstructionFlags() { }

    /// <summary>Splits <paramref name="args"/> into flag words and the rest of the line.</summary>
    public static (List<string> Flags, string Remainder) Extract(string args)
    {
        var words = new List<string>();
        var i = 0;
        while (true)
        {
            while (i < args.Length && char.IsWhiteSpace(args[i])) i++;
            if (i + 1 >= args.Length || args[i] != '-' || args[i + 1] != '-') return (words, args[i..]);
            var word = new StringBuilder();
            char quote = '\0';
            var start = i;
            for (; i < args.Length; i++)
            {
                var ch = args[i];
                if (quote == '\0' && char.IsWhiteSpace(ch)) break;
                if (quote == '\0' && ch is '\'' or '"') { quote = ch; continue; }
                if (quote != '\0' && ch == quote) { quote = '\0'; continue; }
                if (ch == '\\')
                {
                    if (i + 1 == args.Length) continue;
                    ch = args[++i];
                }
                word.Append(ch);
            }
            // A bare "--" ends the flags, so a command may start with a dash.
            if (word.ToString() == "--" && i - start == 2) return (words, args[i..].TrimStart());
            words.Add(word.ToString());
        }
    }

    /// <summary>Parses <paramref name="words"/>; <paramref name="strings"/> may repeat only if listed in <paramref name="repeatable"/>.</summary>
    public static InstructionFlags Parse(int line, IReadOnlyList<string> words, string[] strings, string[] bools, string[]? repeatable = null)
    {
        var flags = new InstructionFlags();
        foreach (var w in words)
        {
            var body = w[2..];
            var eq = body.IndexOf('=');
            var name = eq < 0 ? body : body[..eq];
            string? value = eq < 0 ? null : body[(eq + 1)..];
            if (bools.Contains(name))
            {
                if (value is "") throw ParseError.At(line, $"Missing a value on flag: {name}");
                var b = value is null || value.Equals("true", StringComparison.OrdinalIgnoreCase);
                if (value is not null && !b && !value.Equals("false", StringComparison.OrdinalIgnoreCase))
                    throw ParseError.At(line, $"Expecting boolean value for flag {name}, not: {value}");
                flags._values[name] = [b ? "true" : "false"];
                continue;
            }
            // BuildKit says "Unknown flag: foo"; the project's wording keeps the dashes so the flag is recognisable.
            if (!strings.Contains(name)) throw ParseError.At(line, $"unknown flag: --{name}");
            if (value is null) throw ParseError.At(line, $"Missing a value on flag: {name}");
            if (flags._values.TryGetValue(name, out var list))
            {
                if (repeatable is null || !repeatable.Contains(name)) throw ParseError.At(line, $"Duplicate flag specified: {name}");
                list.Add(value);
            }
            else
            {
                flags._values[name] = [value];
            }
        }
        return flags;
    }

    public string? String(string name) => _values.TryGetValue(name, out var v) ? v[^1] : null;

    public IReadOnlyList<string> Strings(string name) => _values.TryGetValue(name, out var v) ? v : [];

    public bool Bool(string name) => _values.TryGetValue(name, out var v) && v[^1] == "true";

    /// <summary>Null when the flag was not given, so "--unpack=false" can be told from absence.</summary>
    public bool? OptionalBool(string name) => _values.TryGetValue(name, out var v) ? v[^1] == "true" : null;
}
