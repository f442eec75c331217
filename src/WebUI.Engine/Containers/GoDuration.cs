using System.Globalization;
using System.Text.RegularExpressions;

namespace WebUI.Engine.Containers;

/// <summary>Go's time.ParseDuration for the forms Docker users write ("10s", "1h30m", "500ms", "1.5h").</summary>
internal static partial class GoDuration
{
    [GeneratedRegex(@"\G(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)")]
    private static partial Regex Part();

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text)) return false;
        var negative = text[0] == '-';
        var s = text.TrimStart('-', '+');
        if (s == "0") return true;
        var pos = 0;
        double ticks = 0;
        while (pos < s.Length)
        {
            var m = Part().Match(s, pos);
            if (!m.Success) return false;
            var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            ticks += value * m.Groups[2].Value switch
            {
                "ns" => 0.01, "us" or "µs" => 10, "ms" => TimeSpan.TicksPerMillisecond, "s" => TimeSpan.TicksPerSecond,
                "m" => TimeSpan.TicksPerMinute, _ => TimeSpan.TicksPerHour,
            };
            pos += m.Length;
        }
        duration = TimeSpan.FromTicks((long)(negative ? -ticks : ticks));
        return pos > 0;
    }
}
