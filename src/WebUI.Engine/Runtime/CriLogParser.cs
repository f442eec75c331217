using System.Globalization;
using System.Text;
using WebUI.Engine.Containers;

namespace WebUI.Engine.Runtime;

/// <summary>
/// Parses conmon's k8s-file (CRI) log lines: "2026-11-28T13:16:09.451368233+00:00 stdout F text", where F marks the
/// end of a line (its newline was stripped) and P a partial piece of a longer line.
/// </summary>
internal static class CriLogParser
{
    public static bool TryParse(string line, out LogEntry entry)
    {
        entry = null!;
        var s1 = line.IndexOf(' ');
        if (s1 <= 0) return false;
        var s2 = line.IndexOf(' ', s1 + 1);
        if (s2 < 0) return false;
        var s3 = line.IndexOf(' ', s2 + 1);
        // "F" with an empty line has no trailing text, and conmon writes no space after the tag then.
        var tag = s3 < 0 ? line[(s2 + 1)..] : line[(s2 + 1)..s3];
        if (tag is not ("F" or "P")) return false;
        var stream = line[(s1 + 1)..s2] switch
        {
            "stdout" => LogStream.Stdout,
            "stderr" => LogStream.Stderr,
            _ => (LogStream?)null,
        };
        if (stream is null || !TryParseTime(line[..s1], out var time)) return false;
        var text = s3 < 0 ? "" : line[(s3 + 1)..];
        var data = Encoding.UTF8.GetBytes(tag == "F" ? text + "\n" : text);
        entry = new LogEntry(time, stream.Value, data);
        return true;
    }

    /// <summary>RFC 3339 with up to 9 fraction digits (DateTimeOffset keeps 7).</summary>
    public static bool TryParseTime(string s, out DateTimeOffset time)
    {
        var dot = s.IndexOf('.');
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < s.Length && char.IsAsciiDigit(s[end])) end++;
            var fraction = s[(dot + 1)..end];
            if (fraction.Length > 7) s = s[..(dot + 8)] + s[end..];
        }
        return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
    }
}
