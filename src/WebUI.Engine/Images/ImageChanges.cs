using System.Text;
using System.Text.Json;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Images;

/// <summary>Applies docker import/commit "--change" lines (a Dockerfile subset) to an image's container config.</summary>
internal static class ImageChanges
{
    public static void Apply(ImageConfig config, IEnumerable<string> changes)
    {
        foreach (var raw in changes)
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var split = line.IndexOfAny([' ', '\t']);
            var instruction = (split < 0 ? line : line[..split]).ToUpperInvariant();
            var rest = split < 0 ? "" : line[(split + 1)..].Trim();
            switch (instruction)
            {
                case "CMD":
                    config.Cmd = Command(rest, instruction);
                    break;
                case "ENTRYPOINT":
                    config.Entrypoint = Command(rest, instruction);
                    break;
                case "ENV":
                    foreach (var (k, v) in Pairs(rest, instruction, allowLegacy: true)) SetEnv(config, k, v);
                    break;
                case "LABEL":
                    config.Labels ??= [];
                    foreach (var (k, v) in Pairs(rest, instruction, allowLegacy: true)) config.Labels[k] = v;
                    break;
                case "EXPOSE":
                    config.ExposedPorts ??= [];
                    foreach (var port in Words(rest)) foreach (var p in Ports(port)) config.ExposedPorts[p] = EmptyObject();
                    break;
                case "VOLUME":
                    config.Volumes ??= [];
                    var volumes = TryJsonArray(rest) ?? Words(rest);
                    if (volumes.Count == 0) throw EngineException.Invalid("VOLUME requires at least one argument");
                    foreach (var v in volumes) config.Volumes[v] = EmptyObject();
                    break;
                case "WORKDIR":
                    config.WorkingDir = RequireOne(rest, instruction);
                    break;
                case "USER":
                    config.User = RequireOne(rest, instruction);
                    break;
                case "STOPSIGNAL":
                    config.StopSignal = RequireOne(rest, instruction);
                    break;
                case "ONBUILD":
                    if (rest.Length == 0) throw EngineException.Invalid("ONBUILD requires at least one argument");
                    (config.OnBuild ??= []).Add(rest);
                    break;
                default:
                    throw EngineException.Invalid($"{instruction} is not a valid change command");
            }
        }
    }

    private static List<string> Command(string rest, string instruction)
    {
        if (TryJsonArray(rest) is { } exec) return exec;
        if (rest.Length == 0) throw EngineException.Invalid($"{instruction} requires at least one argument");
        return ["/bin/sh", "-c", rest];
    }

    private static List<string>? TryJsonArray(string rest)
    {
        if (!rest.StartsWith('[')) return null;
        try
        {
            return JsonSerializer.Deserialize<List<string>>(rest);
        }
        catch (JsonException)
        {
            // Docker falls back to the shell form when the brackets are not a JSON string array.
            return null;
        }
    }

    private static string RequireOne(string rest, string instruction) =>
        rest.Length > 0 ? rest : throw EngineException.Invalid($"{instruction} requires exactly one argument");

    private static void SetEnv(ImageConfig config, string key, string value)
    {
        config.Env ??= [];
        var i = config.Env.FindIndex(e => e.StartsWith(key + "=", StringComparison.Ordinal) || e == key);
        if (i >= 0) config.Env[i] = key + "=" + value; else config.Env.Add(key + "=" + value);
    }

    /// <summary>key=value pairs with Dockerfile quoting; the legacy "KEY value with spaces" form when the first word has no '='.</summary>
    private static List<(string, string)> Pairs(string rest, string instruction, bool allowLegacy)
    {
        var words = Words(rest);
        if (words.Count == 0) throw EngineException.Invalid($"{instruction} requires at least one argument");
        if (allowLegacy && !words[0].Contains('='))
        {
            var space = rest.IndexOfAny([' ', '\t']);
            if (space < 0) throw EngineException.Invalid($"{instruction} must have two arguments");
            return [(Unquote(rest[..space]), rest[(space + 1)..].Trim())];
        }
        var result = new List<(string, string)>();
        foreach (var w in words)
        {
            var eq = w.IndexOf('=');
            if (eq <= 0) throw EngineException.Invalid($"{instruction} names can not be blank or must be of the form key=value: {w}");
            result.Add((w[..eq], w[(eq + 1)..]));
        }
        return result;
    }

    private static string Unquote(string s) => Words(s) is [var one] ? one : s;

    /// <summary>Splits on unquoted whitespace, removing quotes and backslash escapes the way the Dockerfile parser does.</summary>
    internal static List<string> Words(string s)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        char quote = '\0';
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (quote != '\0')
            {
                if (c == quote) { quote = '\0'; continue; }
                if (c == '\\' && quote == '"' && i + 1 < s.Length) { current.Append(s[++i]); continue; }
                current.Append(c);
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                if (inWord) { words.Add(current.ToString()); current.Clear(); inWord = false; }
                continue;
            }
            inWord = true;
            if (c is '"' or '\'') { quote = c; continue; }
            if (c == '\\' && i + 1 < s.Length) { current.Append(s[++i]); continue; }
            current.Append(c);
        }
        if (quote != '\0') throw EngineException.Invalid($"unmatched quote in \"{s}\"");
        if (inWord) words.Add(current.ToString());
        return words;
    }

    private static IEnumerable<string> Ports(string spec)
    {
        var slash = spec.IndexOf('/');
        var proto = slash < 0 ? "tcp" : spec[(slash + 1)..].ToLowerInvariant();
        var range = slash < 0 ? spec : spec[..slash];
        if (proto is not ("tcp" or "udp" or "sctp")) throw EngineException.Invalid($"invalid proto: {proto}");
        var dash = range.IndexOf('-');
        if (!ushort.TryParse(dash < 0 ? range : range[..dash], out var start) || start == 0)
            throw EngineException.Invalid($"invalid containerPort: {range}");
        var end = start;
        if (dash >= 0 && (!ushort.TryParse(range[(dash + 1)..], out end) || end < start))
            throw EngineException.Invalid($"invalid range specified for container port: {range}");
        for (int p = start; p <= end; p++) yield return $"{p}/{proto}";
    }

    private static JsonElement EmptyObject() => JsonDocument.Parse("{}").RootElement.Clone();
}
