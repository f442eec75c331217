using System.Text;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Build.Dockerfile;

/// <summary>
/// Docker's word expansion for instructions the builder (not a shell) interprets: $VAR, ${VAR}, the
/// ${VAR:-x} ${VAR-x} ${VAR:+x} ${VAR+x} ${VAR:?msg} ${VAR?msg} forms, quote removal (single quotes
/// literal, double quotes expanded) and the escape character.
/// </summary>
internal sealed class ShellLexer(char escape = '\\')
{
    /// <summary>Expands one word; <paramref name="lookup"/> returns null for an unset variable.</summary>
    public string ProcessWord(string word, Func<string, string?> lookup)
    {
        var pos = 0;
        return Process(word, ref pos, '\0', lookup);
    }

    /// <summary>
    /// Expands the body of an unquoted heredoc (COPY/ADD &lt;&lt;EOF) as a shell expands a here-document: $VAR and
    /// ${VAR...} are replaced, quotes are ordinary characters, and the escape character only protects $ and itself.
    /// </summary>
    public string ExpandHeredoc(string body, Func<string, string?> lookup)
    {
        var result = new StringBuilder(body.Length);
        var pos = 0;
        while (pos < body.Length)
        {
            var ch = body[pos];
            if (ch == escape && pos + 1 < body.Length && (body[pos + 1] == '$' || body[pos + 1] == escape))
            {
                result.Append(body[pos + 1]);
                pos += 2;
                continue;
            }
            pos++;
            if (ch == '$') result.Append(Dollar(body, ref pos, lookup));
            else result.Append(ch);
        }
        return result.ToString();
    }

    private string Process(string s, ref int pos, char stopAt, Func<string, string?> lookup)
    {
        var result = new StringBuilder();
        while (pos < s.Length)
        {
            var ch = s[pos];
            if (stopAt != '\0' && ch == stopAt)
            {
                pos++;
                return result.ToString();
            }
            switch (ch)
            {
                case '\'':
                    pos++;
                    var close = s.IndexOf('\'', pos);
                    if (close < 0) throw EngineException.Invalid("unexpected end of statement while looking for matching single-quote");
                    result.Append(s, pos, close - pos);
                    pos = close + 1;
                    continue;
                case '"':
                    pos++;
                    result.Append(DoubleQuoted(s, ref pos, lookup));
                    continue;
                case '$':
                    pos++;
                    result.Append(Dollar(s, ref pos, lookup));
                    continue;
            }
            if (ch == escape)
            {
                pos++;
                // A trailing escape is dropped, as in Docker.
                if (pos >= s.Length) break;
                ch = s[pos];
            }
            result.Append(ch);
            pos++;
        }
        if (stopAt != '\0') throw EngineException.Invalid($"unexpected end of statement while looking for matching {stopAt}");
        return result.ToString();
    }

    private string DoubleQuoted(string s, ref int pos, Func<string, string?> lookup)
    {
        var result = new StringBuilder();
        while (pos < s.Length)
        {
            var ch = s[pos];
            if (ch == '"') { pos++; return result.ToString(); }
            if (ch == '$')
            {
                pos++;
                result.Append(Dollar(s, ref pos, lookup));
                continue;
            }
            // Inside double quotes the escape only protects ", $ and itself.
            if (ch == escape && pos + 1 < s.Length && (s[pos + 1] == '"' || s[pos + 1] == '$' || s[pos + 1] == escape))
                ch = s[++pos];
            result.Append(ch);
            pos++;
        }
        throw EngineException.Invalid("unexpected end of statement while looking for matching double-quote");
    }

    private string Dollar(string s, ref int pos, Func<string, string?> lookup)
    {
        if (pos >= s.Length) return "$";
        if (s[pos] != '{')
        {
            var name = Name(s, ref pos);
            return name.Length == 0 ? "$" : lookup(name) ?? "";
        }
        pos++;
        var start = pos;
        var varName = Name(s, ref pos);
        if (varName.Length == 0 || pos >= s.Length) throw EngineException.Invalid($"bad substitution: ${{{s[start..]}");
        var value = lookup(varName);
        var ch = s[pos];
        if (ch == '}') { pos++; return value ?? ""; }
        var colon = ch == ':';
        if (colon)
        {
            pos++;
            if (pos >= s.Length) throw EngineException.Invalid($"bad substitution: ${{{s[start..]}");
            ch = s[pos];
        }
        if (ch is not ('-' or '+' or '?'))
            throw EngineException.Invalid($"unsupported modifier ({(colon ? ":" : "")}{ch}) in substitution");
        pos++;
        var word = Process(s, ref pos, '}', lookup);
        // With ':' an empty value counts as unset.
        var isSet = colon ? !string.IsNullOrEmpty(value) : value is not null;
        switch (ch)
        {
            case '-': return isSet ? value! : word;
            case '+': return isSet ? word : "";
            default:
                if (isSet) return value!;
                if (word.Length == 0) word = colon && value is not null ? "is not allowed to be empty" : "is not allowed to be unset";
                throw EngineException.Invalid($"{varName}: {word}");
        }
    }

    private static string Name(string s, ref int pos)
    {
        var start = pos;
        // A single digit is a positional parameter ($1), always empty here.
        if (pos < s.Length && char.IsAsciiDigit(s[pos])) { pos++; return s[start..pos]; }
        while (pos < s.Length && (char.IsAsciiLetterOrDigit(s[pos]) || s[pos] == '_')) pos++;
        return s[start..pos];
    }
}
