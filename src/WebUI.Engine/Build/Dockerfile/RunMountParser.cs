namespace WebUI.Engine.Build.Dockerfile;

/// <summary>Parses the comma-separated key=value list of <c>RUN --mount</c>.</summary>
internal static class RunMountParser
{
    private static readonly string[] Types = ["bind", "cache", "tmpfs", "secret", "ssh"];
    private static readonly string[] OtherKeys = ["id", "sharing", "mode", "uid", "gid", "required", "size", "env"];

    public static RunMount Parse(int line, string value)
    {
        string type = "bind";
        string? target = null, source = null, from = null;
        var readOnly = false;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in value.Split(','))
        {
            if (field.Length == 0) continue;
            var eq = field.IndexOf('=');
            var key = (eq < 0 ? field : field[..eq]).Trim().ToLowerInvariant();
            var val = eq < 0 ? null : field[(eq + 1)..].Trim();
            switch (key)
            {
                case "type":
                    type = (val ?? "").ToLowerInvariant();
                    if (!Types.Contains(type)) throw ParseError.At(line, $"unsupported mount type \"{val}\"");
                    break;
                case "target" or "dst" or "destination": target = Need(line, field, val); break;
                case "source" or "src": source = Need(line, field, val); break;
                case "from": from = Need(line, field, val); break;
                case "readonly" or "ro": readOnly = Bool(line, field, val); break;
                case "readwrite" or "rw": readOnly = !Bool(line, field, val); break;
                default:
                    if (!OtherKeys.Contains(key)) throw ParseError.At(line, $"unexpected key '{key}' in '{field}'");
                    options[key] = val ?? "";
                    break;
            }
        }
        if (target is null && type is not ("secret" or "ssh")) throw ParseError.At(line, "mount target must be specified");
        return new RunMount(type, target, source, from, readOnly, options);
    }

    private static string Need(int line, string field, string? val) =>
        string.IsNullOrEmpty(val) ? throw ParseError.At(line, $"invalid field '{field}' must be a key=value pair") : val;

    private static bool Bool(int line, string field, string? val) => val?.ToLowerInvariant() switch
    {
        null or "" or "true" or "1" => true,
        "false" or "0" => false,
        _ => throw ParseError.At(line, $"invalid value for {field}"),
    };
}
